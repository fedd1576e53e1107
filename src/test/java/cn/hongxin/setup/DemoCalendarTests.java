package cn.hongxin.setup;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.hongxin.organisation.CalendarPeriodKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DemoCalendarTests {

    @Test
    void theYearContainingLateNovember2026() {
        DemoCalendar c = DemoCalendar.containing(LocalDate.of(2026, 11, 29));
        assertThat(c.name()).isEqualTo("2026-2027");
        assertThat(c.start()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(c.end()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(c.semesters()).extracting(DemoCalendar.Term::name, DemoCalendar.Term::start,
                        DemoCalendar.Term::end, DemoCalendar.Term::teachingWeeks)
                .containsExactly(
                        tuple("第一学期", LocalDate.of(2026, 9, 7), LocalDate.of(2027, 1, 17), 19),
                        tuple("第二学期", LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 4), 19));
        assertThat(c.periods()).filteredOn(p -> p.kind() == CalendarPeriodKind.HOLIDAY)
                .extracting(DemoCalendar.Period::name, DemoCalendar.Period::start, DemoCalendar.Period::end)
                .containsExactly(
                        tuple("中秋节", LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 27)),
                        tuple("国庆节", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7)),
                        tuple("元旦", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 3)),
                        tuple("清明节", LocalDate.of(2027, 4, 3), LocalDate.of(2027, 4, 5)),
                        tuple("劳动节", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 5)),
                        tuple("端午节", LocalDate.of(2027, 6, 9), LocalDate.of(2027, 6, 11)));
        assertThat(c.periods()).filteredOn(p -> p.kind() == CalendarPeriodKind.WINDOW)
                .extracting(DemoCalendar.Period::code, DemoCalendar.Period::start, DemoCalendar.Period::end)
                .containsExactly(
                        tuple("OCTOBER_FIRST", LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 15)),
                        tuple("QINGMING", LocalDate.of(2027, 3, 28), LocalDate.of(2027, 4, 10)),
                        tuple("JULY_FIRST", LocalDate.of(2027, 6, 15), LocalDate.of(2027, 7, 5)));
    }

    @Test
    void theYearStartsOnTheFirstOfSeptember() {
        assertThat(DemoCalendar.containing(LocalDate.of(2027, 8, 31)).name()).isEqualTo("2026-2027");
        assertThat(DemoCalendar.containing(LocalDate.of(2027, 9, 1)).name()).isEqualTo("2027-2028");
        assertThat(DemoCalendar.containing(LocalDate.of(2027, 1, 10)).name()).isEqualTo("2026-2027");
    }

    @Test
    void nationalDayAndMidAutumnMergeWhenTheyMeet() {
        // 2025: 中秋 fell on 6 October; the break ran from 1 to 8 October.
        assertThat(DemoCalendar.ofYear(2025).periods()).filteredOn(p -> p.kind() == CalendarPeriodKind.HOLIDAY)
                .first().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("国庆节、中秋节");
                    assertThat(p.start()).isEqualTo(LocalDate.of(2025, 10, 1));
                    assertThat(p.end()).isEqualTo(LocalDate.of(2025, 10, 8));
                });
    }

    @Test
    void everyYearFitsTogetherForDecadesAhead() {
        for (int y = 2024; y <= 2060; y++) {
            DemoCalendar c = DemoCalendar.ofYear(y);
            DemoCalendar.Term first = c.semesters().get(0);
            DemoCalendar.Term second = c.semesters().get(1);
            assertThat(first.start()).isAfterOrEqualTo(c.start());
            assertThat(first.end()).isBefore(second.start());
            assertThat(second.end()).isBeforeOrEqualTo(c.end());
            assertThat(second.start().getMonthValue()).as("second semester of %s", c.name()).isIn(2, 3);
            for (DemoCalendar.Period p : c.periods()) {
                assertThat(p.start()).as(p.name() + " " + c.name()).isAfterOrEqualTo(c.start());
                assertThat(p.end()).as(p.name() + " " + c.name()).isBeforeOrEqualTo(c.end())
                        .isAfterOrEqualTo(p.start());
            }
            assertThat(DemoCalendar.qingming(y + 1).getDayOfMonth()).isIn(4, 5);
        }
    }

    @Test
    void lunarFestivalsFallOnTheirKnownDates() {
        assertThat(DemoCalendar.lunar(2025, 1, 1)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(DemoCalendar.lunar(2026, 1, 1)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(DemoCalendar.lunar(2025, 5, 5)).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(DemoCalendar.lunar(2026, 8, 15)).isEqualTo(LocalDate.of(2026, 9, 25));
        assertThat(DemoCalendar.qingming(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DemoCalendar.qingming(2028)).isEqualTo(LocalDate.of(2028, 4, 4));
    }
}
