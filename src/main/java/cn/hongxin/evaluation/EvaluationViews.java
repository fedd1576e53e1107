package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.hongxin.brand.IndicatorOutcome;
import cn.hongxin.brand.IndicatorUnit;
import cn.hongxin.compliance.Period;
import cn.hongxin.organisation.OrgUnitView;

/** The records the evaluation pages, the reports and the API show. */
public final class EvaluationViews {

    private EvaluationViews() {
    }

    /** Which way an indicator moved against its baseline. */
    public enum Trend {
        UP, DOWN, FLAT, NONE
    }

    /** An indicator's value in one period. */
    public record TrendPoint(String label, BigDecimal value) {
    }

    /**
     * An indicator for the period looked at: its value, its baseline period's value, its target, the trend and the
     * values of the periods before (oldest first, ending with this one) for a sparkline.
     */
    public record IndicatorCard(String code, String nameZh, String nameEn, IndicatorOutcome outcome, IndicatorUnit unit,
                                String periodLabel, BigDecimal value, String baselineLabel, BigDecimal baseline,
                                BigDecimal target, Trend trend, List<TrendPoint> series) {

        public String name(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }

        /** Whether the value reaches the target (null when there is no target or no value). */
        public Boolean targetMet() {
            return target == null || value == null ? null : value.compareTo(target) >= 0;
        }
    }

    public record OutcomeGroup(IndicatorOutcome outcome, List<IndicatorCard> cards) {
    }

    /** One branch's values per month. */
    public record BranchSeries(long branchId, String name, List<Long> values) {
    }

    /** The monthly charts of the dashboard, months oldest first (2026-09 …). */
    public record MonthSeries(List<String> months, List<BranchSeries> participation, List<BigDecimal> volunteerHours,
                              List<Long> lectures, List<Long> helpRecords, List<BigDecimal> healthTalkReach) {
    }

    /** A branch without an event held or attended for the warning's number of days. */
    public record SilentBranch(long id, String name, LocalDate lastActivity, Long daysSilent) {
    }

    /** The dashboard: did our brand work this period? */
    public record Dashboard(Period period, LocalDate asOf, OrgUnitView unit, List<OrgUnitView> units,
                            List<OutcomeGroup> outcomes, MonthSeries months, List<SilentBranch> silentBranches) {
    }
}
