package cn.hongxin.organisation;

import java.time.LocalDate;

/** A semester with its dates and number of teaching weeks. */
public record SemesterView(long id, long academicYearId, String name, int ordinal, LocalDate startDate,
                           LocalDate endDate, int teachingWeeks) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    /** Teaching week of a date (week 1 starts on the semester's first day), or 0 outside the teaching weeks. */
    public int teachingWeekOf(LocalDate date) {
        if (date.isBefore(startDate)) {
            return 0;
        }
        int week = (int) (java.time.temporal.ChronoUnit.DAYS.between(startDate, date) / 7) + 1;
        return week <= teachingWeeks && !date.isAfter(endDate) ? week : 0;
    }
}
