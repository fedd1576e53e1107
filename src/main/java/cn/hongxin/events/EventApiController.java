package cn.hongxin.events;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Meetings, lectures and activities over the API, through the same {@link EventService} as the pages:
 * organisers with event:view or event:edit work on the events of units in their data scope, an invited
 * member reads the events they are invited to, anything else answers 404. Times are local (Asia/Shanghai),
 * written as 2026-11-30T14:30.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Meetings, lectures and activities: schedule, run, roll-call, minutes, results")
class EventApiController {

    /** One page of results; {@code page} counts from 0. */
    record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageJson<T> of(Page<T> p) {
            return new PageJson<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements(), p.getTotalPages());
        }
    }

    /**
     * An event with everything recorded on it. {@code attendanceSummary} and the full {@code rollCall} are for
     * organisers in scope; an invited member gets their own roll-call line and no summary.
     */
    record EventDetailJson(EventView event, boolean canEdit, List<InviteeRuleView> invitees,
                           EventService.AttendanceSummary attendanceSummary, List<RollCallLine> rollCall,
                           List<ResolutionView> resolutions, List<ContestResultView> contestResults,
                           List<VolunteerHoursView> volunteerHours) {
    }

    /** Roll-call: PRESENT, LATE, EXCUSED (a reason is required) or ABSENT. */
    record AttendanceJson(AttendanceStatus status, String reason) {
    }

    record MinutesJson(String minutes, String summary) {
    }

    /** A resolution with its follow-up action: who does it and by when (both optional). */
    record ResolutionJson(String content, Long assigneePersonId, LocalDate dueOn) {
    }

    /** OPEN or DONE; a DONE follow-up may name the day it was done (default today; not future, not before the meeting). */
    record ResolutionStateJson(ResolutionState state, LocalDate doneOn) {
    }

    record HoursJson(BigDecimal hours) {
    }

    private final EventService events;
    private final CurrentUsers currentUsers;

    EventApiController(EventService events, CurrentUsers currentUsers) {
        this.events = events;
        this.currentUsers = currentUsers;
    }

    // ---- events --------------------------------------------------------------------------------

    @GetMapping
    @Operation(summary = "Search the events organised in the caller's scope (needs event:view), latest first")
    PageJson<EventView> search(
            @Parameter(description = "Event type id") @RequestParam(required = false) Long typeId,
            @Parameter(description = "Organiser unit id; its subtree is included") @RequestParam(required = false) Long unitId,
            @Parameter(description = "PLANNED, UNDER_WAY, DONE or CANCELLED") @RequestParam(required = false) EventState state,
            @Parameter(description = "First day (inclusive), 2026-09-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day (inclusive)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1–200") @RequestParam(defaultValue = "20") int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException(List.of(new FieldProblem("to", "event.api.range.invalid")));
        }
        return PageJson.of(events.search(new EventQuery(typeId, unitId, state, from, to), page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One event with invitees, attendance, minutes, resolutions, results and hours; 404 when not visible")
    EventDetailJson get(@PathVariable long id) {
        return detail(id);
    }

    @PostMapping
    @Operation(summary = "Schedule an event and invite people (needs event:edit); 201 with Location. With a header "
            + "Idempotency-Key (up to 64 characters) a repetition answers 200 with the event the first call scheduled "
            + "and schedules nothing")
    ResponseEntity<EventDetailJson> create(
            @RequestHeader(name = "Idempotency-Key", required = false) String requestId,
            @RequestBody EventForm body) {
        EventService.Scheduled scheduled = events.scheduleOnce(body, requestId);
        long id = scheduled.eventId();
        if (!scheduled.created()) {
            return ResponseEntity.ok().location(URI.create("/api/v1/events/" + id)).body(detail(id));
        }
        return ResponseEntity.created(URI.create("/api/v1/events/" + id)).body(detail(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an event's description and invitation (needs event:edit); refused once cancelled")
    EventDetailJson update(@PathVariable long id, @RequestBody EventForm body) {
        events.update(id, body);
        return detail(id);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Planned to under way")
    EventView start(@PathVariable long id) {
        return events.start(id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Under way to done; publishes EventClosed (and LectureGiven for a lecture)")
    EventView close(@PathVariable long id) {
        return events.close(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Planned or under way to cancelled")
    EventView cancel(@PathVariable long id) {
        return events.cancel(id);
    }

    // ---- attendance ----------------------------------------------------------------------------

    @GetMapping("/{id}/attendance")
    @Operation(summary = "The roll-call: every invitee with the attendance recorded so far (an invitee sees their own line)")
    List<RollCallLine> attendance(@PathVariable long id) {
        return events.rollCall(id);
    }

    @PutMapping("/{id}/attendance/{personId}")
    @Operation(summary = "Roll-call: record or correct one invitee's attendance; EXCUSED needs a reason")
    AttendanceView mark(@PathVariable long id, @PathVariable long personId, @RequestBody AttendanceJson body) {
        return events.record(id, personId, body.status(), body.reason());
    }

    @DeleteMapping("/{id}/attendance/{personId}")
    @Operation(summary = "Remove an attendance recorded by mistake")
    ResponseEntity<Void> unmark(@PathVariable long id, @PathVariable long personId) {
        events.deleteAttendance(id, personId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/sign-in")
    @Operation(summary = "Sign the calling member in (an invitee of an open event); repeating it records nothing new")
    AttendanceView signIn(@PathVariable long id) {
        Long personId = currentUsers.require().personId();
        if (personId == null) {
            throw new UserFacingException("event.signIn.noPerson");
        }
        return events.signIn(id, personId, AttendanceSource.MANUAL);
    }

    // ---- minutes, resolutions, results, hours ---------------------------------------------------

    @PutMapping("/{id}/minutes")
    @Operation(summary = "Write the minutes and the summary (needs event:edit)")
    EventView minutes(@PathVariable long id, @RequestBody MinutesJson body) {
        events.writeMinutes(id, body.minutes(), body.summary());
        return events.get(id);
    }

    @GetMapping("/{id}/resolutions")
    @Operation(summary = "The meeting's resolutions with their follow-up state")
    List<ResolutionView> resolutions(@PathVariable long id) {
        return events.resolutions(id);
    }

    @PostMapping("/{id}/resolutions")
    @Operation(summary = "Add a resolution with its follow-up action (needs event:edit)")
    ResponseEntity<ResolutionView> addResolution(@PathVariable long id, @RequestBody ResolutionJson body) {
        long rid = events.addResolution(id, body.content(), body.assigneePersonId(), body.dueOn());
        return ResponseEntity.created(URI.create("/api/v1/events/" + id + "/resolutions/" + rid))
                .body(resolution(id, rid));
    }

    @PutMapping("/{id}/resolutions/{resolutionId}/state")
    @Operation(summary = "Set a resolution's follow-up state, OPEN or DONE (needs event:edit)")
    ResolutionView resolutionState(@PathVariable long id, @PathVariable long resolutionId,
                                   @RequestBody ResolutionStateJson body) {
        if (body.state() == null) {
            throw new InvalidInputException(List.of(new FieldProblem("state", "validation.required")));
        }
        if (body.state() == ResolutionState.DONE) {
            events.recordResolutionDone(id, resolutionId, body.doneOn());
        } else {
            events.setResolutionState(id, resolutionId, body.state());
        }
        return resolution(id, resolutionId);
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "A contest's results, by rank")
    List<ContestResultView> results(@PathVariable long id) {
        return events.contestResults(id);
    }

    @PostMapping("/{id}/results")
    @Operation(summary = "Record a contest result for a person or a team (needs event:edit; contests only)")
    ResponseEntity<ContestResultView> addResult(@PathVariable long id, @RequestBody ContestResultForm body) {
        long rid = events.addContestResult(id, body);
        ContestResultView saved = events.contestResults(id).stream().filter(r -> r.id() == rid).findFirst()
                .orElseThrow(() -> new NotFoundException("contest result", rid));
        return ResponseEntity.created(URI.create("/api/v1/events/" + id + "/results/" + rid)).body(saved);
    }

    @DeleteMapping("/{id}/results/{resultId}")
    @Operation(summary = "Delete a contest result (needs event:edit)")
    ResponseEntity<Void> deleteResult(@PathVariable long id, @PathVariable long resultId) {
        events.deleteContestResult(id, resultId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/volunteer-hours")
    @Operation(summary = "Hours served per participant at a volunteer event")
    List<VolunteerHoursView> volunteerHours(@PathVariable long id) {
        return events.volunteerHours(id);
    }

    @PutMapping("/{id}/volunteer-hours/{personId}")
    @Operation(summary = "Record or change the hours an invitee served (needs event:edit; volunteer events only)")
    VolunteerHoursView recordHours(@PathVariable long id, @PathVariable long personId, @RequestBody HoursJson body) {
        events.recordVolunteerHours(id, personId, body.hours());
        return events.volunteerHours(id).stream().filter(h -> h.personId() == personId).findFirst()
                .orElseThrow(() -> new NotFoundException("volunteer hours", personId));
    }

    private EventDetailJson detail(long id) {
        EventView event = events.get(id);
        return new EventDetailJson(event, events.canEdit(id), events.invitees(id),
                events.attendanceSummary(id).orElse(null), events.rollCall(id), events.resolutions(id),
                event.type().contest() ? events.contestResults(id) : List.of(),
                event.type().volunteer() ? events.volunteerHours(id) : List.of());
    }

    private ResolutionView resolution(long eventId, long resolutionId) {
        return events.resolutions(eventId).stream().filter(r -> r.id() == resolutionId).findFirst()
                .orElseThrow(() -> new NotFoundException("resolution", resolutionId));
    }
}
