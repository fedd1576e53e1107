package cn.hongxin.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 活动日历: a month grid (Monday first, today highlighted, events as chips coloured by category) or a week
 * ({@code ?view=week}); phones get a day-by-day agenda instead of the grid. {@code event:view} holders see
 * the events of their scope, everybody the events they are invited to.
 */
@Controller
class EventCalendarController {

    private final EventService events;

    EventCalendarController(EventService events) {
        this.events = events;
    }

    @GetMapping("/events/calendar")
    String calendar(@RequestParam(required = false) String view, @RequestParam(required = false) String date,
                    Model model) {
        boolean week = "week".equals(view);
        LocalDate today = LocalDate.now(EventService.ZONE);
        LocalDate shown = parse(date, today);
        LocalDate[] range = CalendarGrid.range(week, shown);
        model.addAttribute("grid", CalendarGrid.of(week, shown, today, events.calendar(range[0], range[1])));
        return "events/calendar";
    }

    private static LocalDate parse(String date, LocalDate fallback) {
        if (date == null || date.isBlank()) {
            return fallback;
        }
        try {
            LocalDate d = LocalDate.parse(date.strip());
            return d.getYear() < 1900 || d.getYear() > 2999 ? fallback : d;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
