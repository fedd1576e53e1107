package cn.hongxin.compliance;

import java.math.BigDecimal;

/** A subject behind on (or having missed) a requirement: who, where, how far. */
public record BehindRow(SubjectType subjectType, long subjectId, String name, Long branchId, String unitName,
                        BigDecimal progress, BigDecimal threshold, Verdict verdict) {

    /** The same row once its period has closed: behind becomes missed. */
    BehindRow missed() {
        return verdict == Verdict.BEHIND ? new BehindRow(subjectType, subjectId, name, branchId, unitName, progress,
                threshold, Verdict.MISSED) : this;
    }
}
