package cn.hongxin.brand;

import java.math.BigDecimal;

/**
 * An outcome indicator of a brand's programme: its value for a period is the numerator's aggregate, or the ratio
 * numerator over denominator (times 100 for a percentage), compared with a baseline period and a target.
 *
 * @param denominator null for an absolute value
 * @param target      null when the programme sets none
 */
public record IndicatorDefinition(long id, long brandId, String code, String nameZh, String nameEn,
                                  IndicatorOutcome outcome, IndicatorUnit unit, PeriodKind period,
                                  IndicatorBaseline baseline, BigDecimal target, IndicatorSelector numerator,
                                  IndicatorSelector denominator, int sortOrder) {
}
