package cn.hongxin.compliance;

import java.time.LocalDate;
import java.util.List;

import cn.hongxin.brand.RequirementDefinition;

/**
 * A monthly or quarterly requirement over the semester or year a page looks at: each of its months (quarters) from
 * the start of that period to the day looked at, with the verdicts of that month, so a secretary sees in how many
 * months everybody met it, and in which.
 */
public record PeriodBreakdown(RequirementDefinition requirement, Period over, List<Slice> slices) {

    public PeriodBreakdown {
        slices = List.copyOf(slices);
    }

    /**
     * One month (or quarter) of the requirement: its verdict counts as of its end, or of the day looked at.
     *
     * @param lookedAt the day its verdicts are judged on: once it closed before that day, those behind have missed it
     */
    public record Slice(Period period, LocalDate closesOn, LocalDate asOf, boolean applicable, VerdictCounts counts,
                        LocalDate lookedAt) {

        /** It had closed before the day looked at: its who-is-behind list is judged on that day. */
        public boolean closed() {
            return ComplianceService.missedBy(closesOn, asOf, lookedAt);
        }

        /** Everybody asked met it (and somebody was asked). */
        public boolean allMet() {
            return applicable && counts.met() > 0 && counts.behind() + counts.missed() + counts.notYetDue() == 0;
        }

        /** The tag the page colours the month with: MET, MISSED, BEHIND or NOT_YET_DUE. */
        public Verdict tone() {
            if (allMet()) {
                return Verdict.MET;
            }
            if (!applicable || counts.total() == 0) {
                return Verdict.NOT_YET_DUE;
            }
            return counts.missed() > 0 ? Verdict.MISSED : counts.behind() > 0 ? Verdict.BEHIND : Verdict.NOT_YET_DUE;
        }
    }

    /** The months (quarters) in which everybody asked met it. */
    public long metSlices() {
        return slices.stream().filter(Slice::allMet).count();
    }

    /** The months (quarters) in which somebody was asked. */
    public long askedSlices() {
        return slices.stream().filter(s -> s.applicable() && s.counts().total() > 0).count();
    }
}
