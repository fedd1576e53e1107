package cn.hongxin.organisation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The academic calendar over the API; readable by every account. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Academic years, semesters, holidays and named windows")
class CalendarApiController {

    private final AcademicCalendar calendar;

    CalendarApiController(AcademicCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/years")
    @Operation(summary = "Every academic year, newest first, with its semesters and periods")
    List<AcademicYearView> years() {
        return calendar.years();
    }
}
