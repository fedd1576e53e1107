package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.Period;

/** The records of member points (积分): the rules, a branch's ranking, a member's profile and timeline. */
public final class PointsViews {

    private PointsViews() {
    }

    /**
     * Points for each row of evidence of a kind (and type; null: any other type), or for each unit of its quantity
     * when {@code perUnit} (an hour of volunteering); at most {@code cap} points per person and cap period.
     */
    public record PointRule(long id, EvidenceKind kind, String typeCode, BigDecimal points, boolean perUnit,
                            BigDecimal cap, PeriodKind capPeriod) {
    }

    /** A member's points in a period and their rank within their branch (1 = most; equal points share a rank). */
    public record MemberPoints(long personId, String name, Long branchId, String branchName, BigDecimal points,
                               int rank, int branchSize) {
    }

    /** One thing a member took part in, with the points it earned after the caps and where to see it. */
    public record TimelineEntry(LocalDate date, EvidenceKind kind, String typeCode, String typeName, String title,
                                BigDecimal quantity, BigDecimal points, String link) {
    }

    /** A branch's (or subtree's) ranking for a period. */
    public record Ranking(Period period, long unitId, String unitName, List<MemberPoints> members) {
    }

    /** A member's profile: their points and rank, and the timeline of the period. */
    public record Profile(Period period, MemberPoints points, List<TimelineEntry> timeline) {
    }

    /** The periods a member may look at their points for, relative to a day (today by default). */
    public enum PeriodChoice {
        /** The semester containing the day. */
        SEMESTER,
        /** The semester before it. */
        LAST_SEMESTER,
        /** The academic year containing the day. */
        YEAR
    }

    /** A period the member may choose, as the calendar resolves it. */
    public record PeriodOption(PeriodChoice choice, String label, LocalDate start, LocalDate end) {
    }

    /** A rank within a unit's subtree (1 = most points; equal points share a rank) out of its people. */
    public record UnitRank(long unitId, String unitName, int rank, int size) {
    }

    /**
     * A member's own points for the chosen period: the profile (points, rank in the branch, timeline), the rank
     * within the general branch (the branch's parent organisation; null without a branch) and the other choices.
     */
    public record MyPoints(PeriodChoice choice, List<PeriodOption> options, Profile profile, UnitRank generalBranch) {
    }
}
