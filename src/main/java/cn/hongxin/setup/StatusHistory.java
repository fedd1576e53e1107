package cn.hongxin.setup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.hongxin.organisation.PoliticalStatus;

import static cn.hongxin.organisation.PoliticalStatus.ACTIVIST;
import static cn.hongxin.organisation.PoliticalStatus.APPLICANT;
import static cn.hongxin.organisation.PoliticalStatus.CANDIDATE;
import static cn.hongxin.organisation.PoliticalStatus.FULL_MEMBER;
import static cn.hongxin.organisation.PoliticalStatus.PROBATIONARY_MEMBER;

/**
 * Believable dated histories along the road to membership: 入党申请人 → 入党积极分子 (after three
 * to eight months) → 发展对象 (after at least a year of training) → 预备党员 (two to seven months
 * later) → 正式党员 (when the year's probation ends).
 */
final class StatusHistory {

    /** One dated status, with the note a branch would record. */
    record Step(PoliticalStatus status, LocalDate on, String note) {
    }

    private static final PoliticalStatus[] ROAD = {APPLICANT, ACTIVIST, CANDIDATE, PROBATIONARY_MEMBER, FULL_MEMBER};
    /** Days from the step before, least and most. */
    private static final int[][] GAPS = {{0, 0}, {90, 240}, {365, 450}, {60, 200}, {365, 379}};
    private static final String[] NOTES = {"递交入党申请书", "确定为入党积极分子", "确定为发展对象",
            "支部大会讨论通过，接收为预备党员", "预备期满，按期转为正式党员"};

    private StatusHistory() {
    }

    /**
     * A history ending in {@code target}, reached on a day between {@code from} and {@code to}
     * (near {@code preferred} when given), that began with an application on or after
     * {@code earliestApplication}.
     *
     * @throws IllegalStateException when the road cannot fit in the dates given
     */
    static List<Step> pipeline(PoliticalStatus target, LocalDate earliestApplication, LocalDate from, LocalDate to,
                               LocalDate preferred, Random random) {
        int n = indexOf(target) + 1;
        LocalDate lo = latest(from, earliestApplication.plusDays(minimumDays(n - 1)));
        if (lo.isAfter(to)) {
            throw new IllegalStateException("no room for " + target + " between " + earliestApplication + " and " + to);
        }
        LocalDate[] dates = new LocalDate[n];
        if (preferred != null) {
            dates[n - 1] = preferred.isBefore(lo) ? lo : preferred.isAfter(to) ? to : preferred;
        } else {
            dates[n - 1] = lo.plusDays(random.nextLong(ChronoUnit.DAYS.between(lo, to) + 1));
        }
        for (int k = n - 1; k > 0; k--) {
            long room = ChronoUnit.DAYS.between(earliestApplication, dates[k]) - minimumDays(k - 1);
            long gap = Math.min(GAPS[k][0] + random.nextInt(GAPS[k][1] - GAPS[k][0] + 1), room);
            dates[k - 1] = dates[k].minusDays(gap);
        }
        List<Step> steps = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            steps.add(new Step(ROAD[k], dates[k], NOTES[k]));
        }
        return List.copyOf(steps);
    }

    /** The fewest days from application to step {@code k} of the road. */
    private static int minimumDays(int k) {
        int days = 0;
        for (int i = 1; i <= k; i++) {
            days += GAPS[i][0];
        }
        return days;
    }

    private static int indexOf(PoliticalStatus status) {
        for (int i = 0; i < ROAD.length; i++) {
            if (ROAD[i] == status) {
                return i;
            }
        }
        throw new IllegalArgumentException(status + " is not on the road to membership");
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
