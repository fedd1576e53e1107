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
}
