package cn.hongxin.organisation;

import java.time.LocalDate;
import java.util.List;

/** An academic year with its semesters, holidays and named windows. */
public record AcademicYearView(long id, String name, LocalDate startDate, LocalDate endDate,
                               List<SemesterView> semesters, List<CalendarPeriodView> periods) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
