package cn.hongxin.compliance;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.ComplianceEngine.Frame;
import cn.hongxin.compliance.ComplianceEngine.Slice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the engine splits a person requirement's dates between the monthly tally and the evidence: whole months
 * from the tally, a partial month's days from the evidence, or the month from the tally less the days outside,
 * whichever reads fewer days up to the day evaluated as of.
 */
class ComplianceEngineSlicesTests {

    static Frame frame(String opens, String closes) {
        LocalDate o = LocalDate.parse(opens);
        LocalDate c = LocalDate.parse(closes);
        return new Frame(new Period(PeriodKind.SEMESTER, o, c, "s"), o, c, true);
    }

    static Slice months(String from, String to) {
        return new Slice(true, LocalDate.parse(from), LocalDate.parse(to), 1);
    }

    static Slice days(String from, String to, int sign) {
        return new Slice(false, LocalDate.parse(from), LocalDate.parse(to), sign);
    }

    @Test
    void aSemesterEvaluatedOnItsLastDayIsWholeMonthsLessNothingButFutureDays() {
        // The benchmark's case: 1 September to 16 January, as of 16 January. January is read from the tally, less
        // its days after the 16th (nothing is dated in the future, so nearly nothing is read).
        assertThat(ComplianceEngine.slices(frame("2025-09-01", "2026-01-16"), LocalDate.parse("2026-01-16")))
                .containsExactly(months("2025-09-01", "2026-01-01"), days("2026-01-17", "2026-01-31", -1));
    }

    @Test
    void aWindowClosedMidMonthReadsTheShorterSideOfEachEdge() {
        // 25 September to 8 October, long closed: 6 days of September and 8 of October from the evidence.
        assertThat(ComplianceEngine.slices(frame("2091-09-25", "2091-10-08"), LocalDate.parse("2092-01-01")))
                .containsExactly(days("2091-09-25", "2091-09-30", 1), days("2091-10-01", "2091-10-08", 1));
        // 3 September to 28 November: September less its first two days, October, November less two days.
        assertThat(ComplianceEngine.slices(frame("2091-09-03", "2091-11-28"), LocalDate.parse("2092-01-01")))
                .containsExactly(months("2091-09-01", "2091-11-01"), days("2091-09-01", "2091-09-02", -1),
                        days("2091-11-29", "2091-11-30", -1));
        // 20 August to 19 August a year later, as of 14 October: August's last 12 days, September whole, October
        // from the tally less the rest of the month (after the day evaluated as of).
        assertThat(ComplianceEngine.slices(frame("2091-08-20", "2092-08-19"), LocalDate.parse("2091-10-14")))
                .containsExactly(months("2091-09-01", "2091-10-01"), days("2091-08-20", "2091-08-31", 1),
                        days("2091-10-15", "2091-10-31", -1));
    }

    @Test
    void monthsAndShortRanges() {
        // A month as of its last day: the tally alone.
        assertThat(ComplianceEngine.slices(frame("2091-10-01", "2091-10-31"), LocalDate.parse("2091-10-31")))
                .containsExactly(months("2091-10-01", "2091-10-01"));
        // A month as of its 3rd: the tally less the days to come (which hold nothing to read, or nearly).
        assertThat(ComplianceEngine.slices(frame("2091-10-01", "2091-10-31"), LocalDate.parse("2091-10-03")))
                .containsExactly(months("2091-10-01", "2091-10-01"), days("2091-10-04", "2091-10-31", -1));
        // A month long past, cut by a window closing on the 3rd: three days from the evidence.
        assertThat(ComplianceEngine.slices(frame("2091-10-01", "2091-10-03"), LocalDate.parse("2092-01-01")))
                .containsExactly(days("2091-10-01", "2091-10-03", 1));
        // As of its 20th: the tally less the 21st to the 31st.
        assertThat(ComplianceEngine.slices(frame("2091-10-01", "2091-10-31"), LocalDate.parse("2091-10-20")))
                .containsExactly(months("2091-10-01", "2091-10-01"), days("2091-10-21", "2091-10-31", -1));
        // Not yet open: an empty range of days.
        assertThat(ComplianceEngine.slices(frame("2091-10-01", "2091-10-31"), LocalDate.parse("2091-09-30")))
                .containsExactly(days("2091-10-01", "2091-09-30", 1));
        // A quarter as of its second month's first day.
        List<Slice> quarter = ComplianceEngine.slices(frame("2091-10-01", "2091-12-31"), LocalDate.parse("2091-11-01"));
        assertThat(quarter).containsExactly(months("2091-10-01", "2091-11-01"), days("2091-11-02", "2091-11-30", -1));
        // The same quarter long past, closed on 1 November by a window: November's one day from the evidence.
        assertThat(ComplianceEngine.slices(frame("2091-10-01", "2091-11-01"), LocalDate.parse("2092-01-01")))
                .containsExactly(months("2091-10-01", "2091-10-01"), days("2091-11-01", "2091-11-01", 1));
    }
}
