package cn.hongxin.evaluation;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.hongxin.brand.IndicatorBaseline;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.CompliancePeriods;
import cn.hongxin.compliance.Period;

/**
 * Periods for indicators: the one containing a day, the one before (semesters have holidays between them, so the
 * search steps back over the gap), and the baseline period of an indicator.
 */
@Component
class EvaluationPeriods {

    private static final int MAX_GAP_DAYS = 200;

    private final CompliancePeriods periods;

    EvaluationPeriods(CompliancePeriods periods) {
        this.periods = periods;
    }

    /** The period of the kind containing the day; a semester outside the calendar falls back to the month. */
    Period containing(PeriodKind kind, LocalDate day) {
        return calendar().containing(kind, day);
    }

    Optional<Period> exactly(PeriodKind kind, LocalDate day) {
        return periods.containing(kind, day);
    }

    /** The last period of the same kind ending before this one starts. */
    Optional<Period> previous(Period period) {
        return calendar().previous(period);
    }

    /** The indicator's baseline for a period: the one before, or the same one a year earlier. */
    Optional<Period> baseline(IndicatorBaseline baseline, Period period) {
        return calendar().baseline(baseline, period);
    }

    /**
     * The period of a member's choice relative to a day: the semester containing it (a month outside the calendar's
     * semesters, as {@link #containing} does), the semester before (in a holiday: the one just ended), or the
     * academic year containing it; empty when the calendar has no such period.
     */
    Optional<Period> choose(cn.hongxin.evaluation.PointsViews.PeriodChoice choice, LocalDate day) {
        return calendar().choose(choice, day);
    }

    /**
     * The academic calendar read once, to resolve many periods with: a dashboard or a report asks for dozens (each
     * indicator's period, baseline and series; a step back over a holiday asks day by day).
     */
    Calendar calendar() {
        return new Calendar(periods.snapshot());
    }

    /** The periods of one reading of the calendar; the same answers as the methods above. */
    static final class Calendar {

        private final CompliancePeriods.Snapshot snapshot;

        Calendar(CompliancePeriods.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        Period containing(PeriodKind kind, LocalDate day) {
            return snapshot.containing(kind, day).or(() -> snapshot.containing(PeriodKind.MONTH, day)).orElseThrow();
        }

        Optional<Period> exactly(PeriodKind kind, LocalDate day) {
            return snapshot.containing(kind, day);
        }

        Optional<Period> previous(Period period) {
            LocalDate day = period.start().minusDays(1);
            for (int i = 0; i < MAX_GAP_DAYS; i++) {
                Optional<Period> p = snapshot.containing(period.kind(), day);
                if (p.isPresent()) {
                    return p;
                }
                day = day.minusDays(1);
            }
            return Optional.empty();
        }

        Optional<Period> baseline(IndicatorBaseline baseline, Period period) {
            if (baseline == IndicatorBaseline.SAME_PERIOD_LAST_YEAR) {
                return snapshot.containing(period.kind(), period.start().minusYears(1).plusDays(7));
            }
            return previous(period);
        }

        Optional<Period> choose(cn.hongxin.evaluation.PointsViews.PeriodChoice choice, LocalDate day) {
            return switch (choice) {
                case SEMESTER -> Optional.of(containing(PeriodKind.SEMESTER, day));
                case LAST_SEMESTER -> previous(exactly(PeriodKind.SEMESTER, day)
                        .orElse(new Period(PeriodKind.SEMESTER, day, day, day.toString())));
                case YEAR -> exactly(PeriodKind.YEAR, day);
            };
        }
    }
}
