package cn.hongxin.organisation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * 校历: academic years with their semesters (teaching weeks) and periods (节假日, 重要节点 such as
 * 七一 / 十一 / 清明). Everyone who sees the org tree sees the calendar; {@code org:calendar:edit} changes it.
 * The add forms live in dialogs; a refused one is shown again, open, with its messages.
 */
@Controller
@RequestMapping("/org/calendar")
class CalendarController {

    /** Common entries for the period dialog: kind, code (for 重要节点), message key of the name. */
    record Preset(CalendarPeriodKind kind, String code, String nameKey) {
    }

    static final List<Preset> PRESETS = List.of(
            new Preset(CalendarPeriodKind.WINDOW, "JULY_FIRST", "calendar.preset.julyFirst"),
            new Preset(CalendarPeriodKind.WINDOW, "OCTOBER_FIRST", "calendar.preset.octoberFirst"),
            new Preset(CalendarPeriodKind.WINDOW, "QINGMING", "calendar.preset.qingming"),
            new Preset(CalendarPeriodKind.HOLIDAY, null, "calendar.preset.nationalDay"),
            new Preset(CalendarPeriodKind.HOLIDAY, null, "calendar.preset.newYear"),
            new Preset(CalendarPeriodKind.HOLIDAY, null, "calendar.preset.winter"),
            new Preset(CalendarPeriodKind.HOLIDAY, null, "calendar.preset.qingmingHoliday"),
            new Preset(CalendarPeriodKind.HOLIDAY, null, "calendar.preset.labourDay"),
            new Preset(CalendarPeriodKind.HOLIDAY, null, "calendar.preset.dragonBoat"),
            new Preset(CalendarPeriodKind.HOLIDAY, null, "calendar.preset.summer"));

    private final AcademicCalendar calendar;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    CalendarController(AcademicCalendar calendar, CurrentUsers currentUsers, PageMessages messages) {
        this.calendar = calendar;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        currentUsers.require(Permission.ORG_VIEW);
        return render(model);
    }

    @PostMapping("/years")
    String addYear(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        currentUsers.require(Permission.CALENDAR_EDIT);
        List<FieldProblem> unreadable = new ArrayList<>();
        LocalDate start = date(params, "startDate", unreadable);
        LocalDate end = date(params, "endDate", unreadable);
        return attempt(model, redirect, "year", params, unreadable, "calendar.year.added",
                () -> calendar.addYear(params.get("name"), start, end));
    }

    @PostMapping("/years/{yearId}/semesters")
    String addSemester(@PathVariable long yearId, @RequestParam Map<String, String> params, Model model,
                       RedirectAttributes redirect) {
        currentUsers.require(Permission.CALENDAR_EDIT);
        List<FieldProblem> unreadable = new ArrayList<>();
        LocalDate start = date(params, "startDate", unreadable);
        LocalDate end = date(params, "endDate", unreadable);
        int ordinal = number(params, "ordinal", 1, unreadable);
        int weeks = number(params, "teachingWeeks", 0, unreadable);
        return attempt(model, redirect, "semester-" + yearId, params, unreadable, "calendar.semester.added",
                () -> calendar.addSemester(yearId, params.get("name"), ordinal, start, end, weeks));
    }

    @PostMapping("/years/{yearId}/periods")
    String addPeriod(@PathVariable long yearId, @RequestParam Map<String, String> params, Model model,
                     RedirectAttributes redirect) {
        currentUsers.require(Permission.CALENDAR_EDIT);
        List<FieldProblem> unreadable = new ArrayList<>();
        LocalDate start = date(params, "startDate", unreadable);
        LocalDate end = date(params, "endDate", unreadable);
        CalendarPeriodKind kind = PersonController.enumOrNull(CalendarPeriodKind.class, params.get("kind"));
        return attempt(model, redirect, "period-" + yearId, params, unreadable, "calendar.period.added",
                () -> calendar.addPeriod(yearId, kind, params.get("code"), params.get("name"), start, end));
    }

    @PostMapping("/periods/{id}/delete")
    String deletePeriod(@PathVariable long id, RedirectAttributes redirect) {
        calendar.deletePeriod(id);
        redirect.addFlashAttribute("flashSuccess", messages.text("calendar.period.deleted"));
        return "redirect:/org/calendar";
    }

    private String attempt(Model model, RedirectAttributes redirect, String formId, Map<String, String> params,
                           List<FieldProblem> unreadable, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flashSuccess", messages.text(successKey, params.get("name")));
            return "redirect:/org/calendar";
        } catch (InvalidInputException e) {
            List<FieldProblem> problems = new ArrayList<>(unreadable);
            problems.addAll(e.problems());
            model.addAttribute("fieldErrors", messages.fieldErrors(problems));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        model.addAttribute("openForm", formId);
        model.addAttribute("values", params);
        return render(model);
    }

    private String render(Model model) {
        LocalDate today = LocalDate.now();
        List<AcademicYearView> years = calendar.years();
        Optional<AcademicYearView> currentYear = years.stream().filter(y -> y.contains(today)).findFirst();
        Optional<SemesterView> semester = years.stream().flatMap(y -> y.semesters().stream())
                .filter(s -> s.contains(today)).findFirst();
        model.addAttribute("years", years);
        model.addAttribute("today", today);
        model.addAttribute("currentYear", currentYear.orElse(null));
        model.addAttribute("currentSemester", semester.orElse(null));
        model.addAttribute("currentWeek", semester.map(s -> s.teachingWeekOf(today)).orElse(0));
        model.addAttribute("currentPeriods", years.stream().flatMap(y -> y.periods().stream())
                .filter(p -> p.contains(today)).toList());
        model.addAttribute("upcoming", years.stream().flatMap(y -> y.periods().stream())
                .filter(p -> p.startDate().isAfter(today))
                .sorted(Comparator.comparing(CalendarPeriodView::startDate)).limit(4).toList());
        model.addAttribute("kinds", CalendarPeriodKind.values());
        model.addAttribute("presets", PRESETS);
        model.addAttribute("newYear", suggestedYear(years, today));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        return "organisation/calendar";
    }

    /** The year after the newest one (or the one containing today): 1 September to 31 August. */
    static Map<String, String> suggestedYear(List<AcademicYearView> years, LocalDate today) {
        int first = years.isEmpty() ? (today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1)
                : years.get(0).endDate().getYear();
        LocalDate start = years.isEmpty() ? LocalDate.of(first, 9, 1) : years.get(0).endDate().plusDays(1);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("name", first + "-" + (first + 1));
        out.put("startDate", start.toString());
        out.put("endDate", start.plusYears(1).minusDays(1).toString());
        return out;
    }

    private static LocalDate date(Map<String, String> params, String field, List<FieldProblem> unreadable) {
        String raw = params.get(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            unreadable.add(new FieldProblem(field, "validation.invalid"));
            return null;
        }
    }

    private static int number(Map<String, String> params, String field, int fallback, List<FieldProblem> unreadable) {
        String raw = params.get(field);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            unreadable.add(new FieldProblem(field, "validation.invalid"));
            return fallback;
        }
    }
}
