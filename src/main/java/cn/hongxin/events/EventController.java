package cn.hongxin.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonQuery;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * 活动管理: the searchable list, the schedule/edit form, and an event's page (information, invitees,
 * roll-call, minutes and resolutions, contest results, volunteer hours, state buttons). Every read and
 * write goes through {@link EventService}, so an event outside the caller's scope is a 404 here too.
 */
@Controller
@RequestMapping("/events")
class EventController {

    static final int PAGE_SIZE = 20;

    private final EventService events;
    private final EventTypeService types;
    private final OrgUnitService units;
    private final PersonService people;
    private final CurrentUsers currentUsers;
    private final EventPageMessages messages;

    EventController(EventService events, EventTypeService types, OrgUnitService units, PersonService people,
                    CurrentUsers currentUsers, EventPageMessages messages) {
        this.events = events;
        this.types = types;
        this.units = units;
        this.people = people;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String typeId, @RequestParam(required = false) String unitId,
                @RequestParam(required = false) String state, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") String page,
                Model model) {
        EventQuery query = new EventQuery(longOrNull(typeId), longOrNull(unitId), enumOrNull(EventState.class, state),
                dateOrNull(from), dateOrNull(to));
        int pageNo = Math.max(0, (int) (longOrNull(page) == null ? 0 : Math.min(longOrNull(page), 10_000)));
        Page<EventView> found = events.search(query, pageNo, PAGE_SIZE);
        StringBuilder search = new StringBuilder();
        append(search, "typeId", query.typeId());
        append(search, "unitId", query.unitId());
        append(search, "state", query.state());
        append(search, "from", query.from());
        append(search, "to", query.to());
        model.addAttribute("query", query);
        model.addAttribute("page", found);
        model.addAttribute("types", types.all());
        model.addAttribute("units", units.visibleFor(Permission.EVENT_VIEW));
        model.addAttribute("states", EventState.values());
        model.addAttribute("baseUrl", "/events" + (search.isEmpty() ? "" : "?" + search.substring(1)));
        model.addAttribute("filtered", !search.isEmpty());
        return "events/list";
    }

    @GetMapping("/new")
    String newEvent(Model model) {
        currentUsers.require(Permission.EVENT_EDIT);
        return form(model, EventForm.empty(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") EventForm form,
                  @RequestParam(name = "requestId", required = false) String requestId, Model model,
                  RedirectAttributes redirect) {
        currentUsers.require(Permission.EVENT_EDIT);
        try {
            EventService.Scheduled scheduled = events.scheduleOnce(form, requestId);
            if (scheduled.created()) {
                redirect.addFlashAttribute("flashSuccess", messages.text("event.created", form.title().strip()));
            }
            return "redirect:/events/" + scheduled.eventId();
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("event.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        // Nothing was scheduled: the corrected form is still the same request.
        model.addAttribute("requestId", requestId);
        return form(model, form, null);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, events.formFor(id), id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") EventForm form, Model model,
                  RedirectAttributes redirect) {
        events.formFor(id); // 404 before anything else when out of scope
        try {
            events.update(id, form);
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
            return "redirect:/events/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("event.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return form(model, form, id);
    }

    private String form(Model model, EventForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("eventId", id);
        if (id == null && !model.containsAttribute("requestId")) {
            model.addAttribute("requestId", java.util.UUID.randomUUID().toString());
        }
        model.addAttribute("types", types.active());
        model.addAttribute("units", units.visibleFor(Permission.EVENT_EDIT));
        model.addAttribute("people", people.search(PersonQuery.all(), 0, 500).getContent());
        model.addAttribute("statuses", PoliticalStatus.values());
        model.addAttribute("posts", PartyPost.values());
        model.addAttribute("tags", ThreeCombination.values());
        return "events/form";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        EventView event = events.get(id);
        model.addAttribute("event", event);
        model.addAttribute("canEdit", events.canEdit(id));
        model.addAttribute("invitees", events.invitees(id));
        model.addAttribute("rollCall", events.rollCall(id));
        model.addAttribute("resolutions", events.resolutions(id));
        model.addAttribute("today", LocalDate.now(EventService.ZONE));
        model.addAttribute("contestResults", event.type().contest() ? events.contestResults(id) : List.of());
        model.addAttribute("volunteerHours", event.type().volunteer() ? events.volunteerHours(id) : List.of());
        model.addAttribute("attendanceStatuses", AttendanceStatus.values());
        Long me = currentUsers.require().personId();
        model.addAttribute("canSignIn", event.open() && me != null && events.rollCall(id).stream()
                .anyMatch(l -> l.personId() == me && l.attendance() == null));
        return "events/detail";
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "event.started", () -> events.start(id));
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "event.closed", () -> events.close(id));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "event.cancelled", () -> events.cancel(id));
    }

    /** Roll-call: one invitee's attendance; htmx swaps the row, a plain post returns to the page. */
    @PostMapping("/{id}/attendance/{personId}")
    String record(@PathVariable long id, @PathVariable long personId, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String reason,
                  @RequestParam(value = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        return act(id, redirect, "event.attendance.saved",
                () -> events.record(id, personId, enumOrNull(AttendanceStatus.class, status), reason));
    }

    /** Signs the signed-in person in (a phone on the event page); the QR endpoint will call the same service. */
    @PostMapping("/{id}/sign-in")
    String signIn(@PathVariable long id, RedirectAttributes redirect) {
        Long personId = currentUsers.require().personId();
        if (personId == null) {
            redirect.addFlashAttribute("formError", messages.text("event.signIn.noPerson"));
            return "redirect:/events/" + id;
        }
        return act(id, redirect, "event.signIn.done", () -> events.signIn(id, personId, AttendanceSource.MANUAL));
    }

    @PostMapping("/{id}/minutes")
    String minutes(@PathVariable long id, @RequestParam(required = false) String minutes,
                   @RequestParam(required = false) String summary, RedirectAttributes redirect) {
        return act(id, redirect, "common.saved", () -> events.writeMinutes(id, minutes, summary));
    }

    @PostMapping("/{id}/resolutions")
    String addResolution(@PathVariable long id, @RequestParam(required = false) String content,
                         @RequestParam(required = false) String assigneePersonId,
                         @RequestParam(required = false) String dueOn, RedirectAttributes redirect) {
        return act(id, redirect, "common.saved",
                () -> events.addResolution(id, content, longOrNull(assigneePersonId), dateOrNull(dueOn)));
    }

    @PostMapping("/{id}/resolutions/{resolutionId}/state")
    String resolutionState(@PathVariable long id, @PathVariable long resolutionId,
                           @RequestParam(required = false) String state,
                           @RequestParam(required = false) String doneOn, RedirectAttributes redirect) {
        ResolutionState next = enumOrNull(ResolutionState.class, state);
        if (next == ResolutionState.DONE) {
            LocalDate day = dateOrNull(doneOn);
            if (day == null && doneOn != null && !doneOn.isBlank()) {
                redirect.addFlashAttribute("formError", messages.text("event.resolution.doneOn.invalid"));
                return "redirect:/events/" + id;
            }
            return act(id, redirect, "common.saved", () -> events.recordResolutionDone(id, resolutionId, day));
        }
        return act(id, redirect, "common.saved", () -> events.setResolutionState(id, resolutionId, next));
    }

    @PostMapping("/{id}/results")
    String addResult(@PathVariable long id, @RequestParam(required = false) String personId,
                     @RequestParam(required = false) String teamName, @RequestParam(required = false) String score,
                     @RequestParam(required = false) String rank, @RequestParam(required = false) String award,
                     RedirectAttributes redirect) {
        return act(id, redirect, "common.saved", () -> events.addContestResult(id, new ContestResultForm(
                longOrNull(personId), teamName, decimalOrNull(score),
                longOrNull(rank) == null ? null : (int) Math.min(longOrNull(rank), 100_000), award)));
    }

    @PostMapping("/{id}/results/{resultId}/delete")
    String deleteResult(@PathVariable long id, @PathVariable long resultId, RedirectAttributes redirect) {
        return act(id, redirect, "common.deleted", () -> events.deleteContestResult(id, resultId));
    }

    @PostMapping("/{id}/hours")
    String hours(@PathVariable long id, @RequestParam(required = false) String personId,
                 @RequestParam(required = false) String hours, RedirectAttributes redirect) {
        Long person = longOrNull(personId);
        return act(id, redirect, "common.saved", () -> {
            if (person == null) {
                throw new UserFacingException("event.attendance.notInvited");
            }
            events.recordVolunteerHours(id, person, decimalOrNull(hours));
        });
    }

    private String act(long id, RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flashSuccess", messages.text(successKey));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("formError", messages.firstProblem(e.problems()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/events/" + id;
    }

    static Long longOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal decimalOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate dateOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
        try {
            return s == null || s.isBlank() ? null : Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append('&').append(name).append('=').append(value);
        }
    }

    static Set<AttendanceStatus> all() {
        return EnumSet.allOf(AttendanceStatus.class);
    }
}
