package cn.hongxin.compliance;

import java.time.LocalDate;
import java.util.List;

import cn.hongxin.brand.MeasureDefinition;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.RequirementDefinition;

/** The records the compliance pages and the API show: the programme's status, the heat map, who is behind. */
public final class ComplianceViews {

    private ComplianceViews() {
    }

    /**
     * The period a page looks at and the day it is evaluated as of: the chosen period's last day, or today while
     * it runs.
     *
     * @param unitId the org subtree looked at; null for the caller's whole scope
     */
    public record Selection(PeriodKind kind, Period period, LocalDate asOf, Long unitId) {
    }

    /** The programme's status for a selection: levels, categories, measures, requirements. */
    public record ProgrammeStatus(Selection selection, VerdictCounts counts, List<LevelStatus> levels) {
    }

    public record LevelStatus(String code, List<CategoryStatus> categories) {
    }

    public record CategoryStatus(String code, List<MeasureStatus> measures) {
    }

    public record MeasureStatus(MeasureDefinition measure, VerdictCounts counts, List<RequirementStatus> requirements) {
    }

    /**
     * One requirement's standing in its own period containing the selection's day.
     *
     * @param applicable false when the calendar has no such period or window then (nobody is asked anything)
     */
    public record RequirementStatus(RequirementDefinition requirement, Period period, LocalDate opensOn,
                                    LocalDate closesOn, boolean applicable, VerdictCounts counts) {
    }

    /** The heat map: branches (rows), measures (columns) and the cells that have subjects. */
    public record HeatMap(Selection selection, List<HeatBranch> branches, List<HeatMeasure> measures,
                          List<HeatMapCell> cells) {
    }

    public record HeatBranch(long id, String name) {
    }

    public record HeatMeasure(long id, String code, String nameZh, String nameEn) {
    }

    /**
     * One page of the subjects behind on (or having missed) a requirement, with its deadline.
     *
     * @param lookedAt the day the verdicts are judged on: the selection's day, or a later day a closed month is
     *                 looked back at from
     */
    public record BehindList(RequirementDefinition requirement, Selection selection, Period period, LocalDate opensOn,
                             LocalDate closesOn, BehindPage page, LocalDate lookedAt) {

        /** The period had closed before the day looked at, so those listed have missed it. */
        public boolean closed() {
            return ComplianceService.missedBy(closesOn, selection.asOf(), lookedAt);
        }
    }
}
