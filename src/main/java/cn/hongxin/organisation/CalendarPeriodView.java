package cn.hongxin.organisation;

import java.time.LocalDate;

/** A holiday or named window. */
public record CalendarPeriodView(long id, long academicYearId, CalendarPeriodKind kind, String code, String name,
                                 LocalDate startDate, LocalDate endDate) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
