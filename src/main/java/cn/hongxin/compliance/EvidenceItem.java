package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.hongxin.brand.EvidenceKind;

/** One row of evidence behind a verdict: what, of which type, when, how much, and where it came from. */
public record EvidenceItem(SubjectType subjectType, long subjectId, EvidenceKind kind, String typeCode,
                           LocalDate date, BigDecimal quantity, SourceKind sourceKind, long sourceId) {
}
