package cn.hongxin.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** One cell: a date, whether it belongs to the month shown, whether it is today, its events (soonest first). */
public record CalendarDay(LocalDate date, boolean inPeriod, boolean today, List<EventView> events) {

    public int weekday() {
        return date.getDayOfWeek().getValue();
    }

    public boolean weekend() {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
