package cn.hongxin.organisation;

import java.time.LocalDate;

/** A holiday or named window. */
public record CalendarPeriodView(long id, long academicYearId, CalendarPeriodKind kind, String code, String name,
                                 LocalDate startDate, LocalDate endDate) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    /** Length in days, both ends included. */
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    /** Days from {@code date} until the period starts (0 once it has started). */
    public long daysUntilStart(LocalDate date) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(date, startDate));
    }
}
