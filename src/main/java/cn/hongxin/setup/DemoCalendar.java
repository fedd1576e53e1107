package cn.hongxin.setup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.JulianFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

import cn.hongxin.organisation.CalendarPeriodKind;

/**
 * The demo's academic year, computed from a date so the demo stays current: the year runs from
 * 1 September of the current (or, before September, the previous) year to 31 August; the first
 * semester starts on the first Monday of September, the second about two weeks after the Spring
 * Festival; holidays follow the official pattern (lunar ones — Spring Festival, Dragon Boat,
 * Mid-Autumn — from ICU's Chinese calendar, 清明 from the solar-term formula), and the named windows
 * 十一, 清明 and 七一 are the weeks around them when branches hold their themed activities.
 */
record DemoCalendar(String name, LocalDate start, LocalDate end, List<Term> semesters, List<Period> periods) {

    /** A semester of the year. */
    record Term(String name, int ordinal, LocalDate start, LocalDate end, int teachingWeeks) {
    }

    /** A holiday or named window of the year. */
    record Period(CalendarPeriodKind kind, String code, String name, LocalDate start, LocalDate end) {
    }

    static final int TEACHING_WEEKS = 19;

    /** The academic year containing {@code today}. */
    static DemoCalendar containing(LocalDate today) {
        return ofYear(firstYear(today));
    }

    /** The calendar year in which the academic year containing {@code today} starts. */
    static int firstYear(LocalDate today) {
        return today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    }

    /** The academic year starting on 1 September of {@code y}. */
    static DemoCalendar ofYear(int y) {
        int next = y + 1;
        LocalDate firstStart = LocalDate.of(y, 9, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate springFestival = lunar(next, 1, 1);
        LocalDate afterLantern = springFestival.plusDays(15);
        LocalDate notBefore = LocalDate.of(next, 2, 17);
        LocalDate secondStart = (afterLantern.isAfter(notBefore) ? afterLantern : notBefore)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        List<Term> semesters = List.of(
                new Term("第一学期", 1, firstStart, firstStart.plusWeeks(TEACHING_WEEKS).minusDays(1), TEACHING_WEEKS),
                new Term("第二学期", 2, secondStart, secondStart.plusWeeks(TEACHING_WEEKS).minusDays(1),
                        TEACHING_WEEKS));

        List<Period> periods = new ArrayList<>();
        LocalDate nationalDay = LocalDate.of(y, 10, 1);
        LocalDate midAutumn = lunar(y, 8, 15);
        if (!midAutumn.isBefore(nationalDay.minusDays(2)) && !midAutumn.isAfter(nationalDay.plusDays(7))) {
            // When they meet, the two holidays are taken together as one eight-day break (as in 2025).
            periods.add(holiday("国庆节、中秋节", nationalDay, nationalDay.plusDays(7)));
        } else {
            periods.add(holiday("中秋节", threeDayBreak(midAutumn)));
            periods.add(holiday("国庆节", nationalDay, nationalDay.plusDays(6)));
        }
        periods.add(holiday("元旦", threeDayBreak(LocalDate.of(next, 1, 1))));
        LocalDate qingming = qingming(next);
        periods.add(holiday("清明节", threeDayBreak(qingming)));
        periods.add(holiday("劳动节", LocalDate.of(next, 5, 1), LocalDate.of(next, 5, 5)));
        periods.add(holiday("端午节", threeDayBreak(lunar(next, 5, 5))));
        periods.add(new Period(CalendarPeriodKind.WINDOW, "OCTOBER_FIRST", "十一", LocalDate.of(y, 9, 20),
                LocalDate.of(y, 10, 15)));
        periods.add(new Period(CalendarPeriodKind.WINDOW, "QINGMING", "清明", qingming.minusDays(8),
                qingming.plusDays(5)));
        periods.add(new Period(CalendarPeriodKind.WINDOW, "JULY_FIRST", "七一", LocalDate.of(next, 6, 15),
                LocalDate.of(next, 7, 5)));
        periods.sort(java.util.Comparator.comparing(Period::start));
        return new DemoCalendar(y + "-" + next, LocalDate.of(y, 9, 1), LocalDate.of(next, 8, 31), semesters,
                List.copyOf(periods));
    }

    /** The Gregorian date of a lunar month and day in the lunar year that begins in {@code gregorianYear}. */
    static LocalDate lunar(int gregorianYear, int month, int day) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, gregorianYear + 2637);
        calendar.set(Calendar.MONTH, month - 1);
        calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.EPOCH.with(JulianFields.JULIAN_DAY, calendar.get(Calendar.JULIAN_DAY));
    }

    /** 清明 (the solar term) by the usual formula for 2001–2099: 4 or 5 April. */
    static LocalDate qingming(int year) {
        int y = year % 100;
        int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
        return LocalDate.of(year, Month.APRIL, day);
    }

    /** The three days off around a one-day festival, joined to the nearest weekend. */
    static LocalDate[] threeDayBreak(LocalDate day) {
        LocalDate start = switch (day.getDayOfWeek()) {
            case MONDAY -> day.minusDays(2);
            case SUNDAY -> day.minusDays(1);
            default -> day;
        };
        return new LocalDate[] {start, start.plusDays(2)};
    }

    private static Period holiday(String name, LocalDate... range) {
        return new Period(CalendarPeriodKind.HOLIDAY, null, name, range[0], range[1]);
    }
}
