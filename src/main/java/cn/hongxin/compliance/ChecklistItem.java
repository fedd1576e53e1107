package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.hongxin.brand.RequirementDefinition;

/**
 * One line of a person's checklist: a requirement that applies to them now, how far they are (progress of
 * threshold, e.g. 2 of 4) and until when (the window's or period's last day).
 */
public record ChecklistItem(RequirementDefinition requirement, Period period, LocalDate opensOn, LocalDate deadline,
                            BigDecimal progress, BigDecimal threshold, Verdict verdict) {
}
