package cn.hongxin.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A server-rendered calendar page: a month (whole Monday-first weeks around it) or one week, each day with
 * its events. Phones show {@link #agenda()}, the days with events, instead of the grid.
 *
 * @param week   whether this is the week view (else the month view)
 * @param anchor the first day of the month, or the Monday of the week
 */
public record CalendarGrid(boolean week, LocalDate anchor, LocalDate from, LocalDate toExclusive,
                           List<List<CalendarDay>> weeks, LocalDate previous, LocalDate next, LocalDate today) {

    /** The range a month or week view of {@code date} covers: from {@code from} up to (not including) {@code toExclusive}. */
    static LocalDate[] range(boolean week, LocalDate date) {
        LocalDate anchor = anchor(week, date);
        LocalDate from = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = week ? from.plusDays(6)
                : anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return new LocalDate[] {from, last.plusDays(1)};
    }

    static CalendarGrid of(boolean week, LocalDate date, LocalDate today, List<EventView> events) {
        LocalDate anchor = anchor(week, date);
        LocalDate[] range = range(week, date);
        Map<LocalDate, List<EventView>> byDay = events.stream()
                .collect(Collectors.groupingBy(e -> e.startsAt().toLocalDate()));
        List<List<CalendarDay>> weeks = new ArrayList<>();
        for (LocalDate d = range[0]; d.isBefore(range[1]); d = d.plusDays(7)) {
            List<CalendarDay> row = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                LocalDate day = d.plusDays(i);
                boolean inPeriod = week || day.getMonth() == anchor.getMonth();
                row.add(new CalendarDay(day, inPeriod, day.equals(today), byDay.getOrDefault(day, List.of())));
            }
            weeks.add(row);
        }
        LocalDate previous = week ? anchor.minusWeeks(1) : anchor.minusMonths(1);
        LocalDate next = week ? anchor.plusWeeks(1) : anchor.plusMonths(1);
        return new CalendarGrid(week, anchor, range[0], range[1], weeks, previous, next, today);
    }

    private static LocalDate anchor(boolean week, LocalDate date) {
        return week ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date.withDayOfMonth(1);
    }

    /** The last day shown. */
    public LocalDate to() {
        return toExclusive.minusDays(1);
    }

    /** The days of the period that have events, for the phone's agenda list. */
    public List<CalendarDay> agenda() {
        return weeks.stream().flatMap(List::stream).filter(d -> d.inPeriod() && !d.events().isEmpty()).toList();
    }

    /** The day the week view opens on from here: today when it lies in the month shown, else the anchor. */
    public LocalDate weekDate() {
        return week || !today.withDayOfMonth(1).equals(anchor) ? anchor : today;
    }

    /** The categories, for the colour legend. */
    public EventCategory[] categories() {
        return EventCategory.values();
    }

    public boolean empty() {
        return agenda().isEmpty();
    }
}
