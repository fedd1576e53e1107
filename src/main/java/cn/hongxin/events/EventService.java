package cn.hongxin.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonQuery;
import cn.hongxin.organisation.PersonRow;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * Meetings, lectures and activities. An event belongs to its organiser's org unit: accounts with
 * {@code event:view} / {@code event:edit} see / change the events of units in their data scope, and every
 * signed-in person sees the events they are invited to. Anything else is "not found".
 * <p>
 * Changes publish past-tense events inside the transaction (the event publication registry delivers them
 * to {@code @ApplicationModuleListener}s after commit).
 */
@Service
public class EventService {

    /** The organisation's time zone: forms and pages use local times. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A sign-in later than this after the start counts as late. */
    static final Duration LATE_AFTER = Duration.ofMinutes(15);

    private final EventRepository events;
    private final EventTypeRepository types;
    private final InviteeRuleRepository rules;
    private final ParticipantRepository participants;
    private final AttendanceRepository attendances;
    private final AttendanceRows attendanceRows;
    private final ResolutionRepository resolutions;
    private final ContestResultRepository contestResults;
    private final VolunteerHoursRepository volunteerHours;
    private final OrgUnitService units;
    private final PersonService people;
    private final EventScope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    EventService(EventRepository events, EventTypeRepository types, InviteeRuleRepository rules,
                 ParticipantRepository participants, AttendanceRepository attendances, AttendanceRows attendanceRows,
                 ResolutionRepository resolutions, ContestResultRepository contestResults,
                 VolunteerHoursRepository volunteerHours, OrgUnitService units, PersonService people,
                 EventScope scope, AuditTrail audit, ApplicationEventPublisher publisher,
                 PlatformTransactionManager transactionManager) {
        this.events = events;
        this.types = types;
        this.rules = rules;
        this.participants = participants;
        this.attendances = attendances;
        this.attendanceRows = attendanceRows;
        this.resolutions = resolutions;
        this.contestResults = contestResults;
        this.volunteerHours = volunteerHours;
        this.units = units;
        this.people = people;
        this.scope = scope;
        this.audit = audit;
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- reading -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<EventView> search(EventQuery query, int page, int size) {
        CurrentUser user = scope.require(Permission.EVENT_VIEW);
        String prefix = scope.prefix(user);
        if (query.unitId() != null) {
            String scopePrefix = prefix;
            prefix = units.find(query.unitId()).map(OrgUnitView::path).filter(p -> p.startsWith(scopePrefix))
                    .orElse("/none/");
        }
        String pathPrefix = prefix;
        Specification<Event> spec = (root, q, cb) -> cb.like(root.get("organiserUnitPath"), escape(pathPrefix) + "%", '\\');
        if (query.typeId() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("typeId"), query.typeId()));
        }
        if (query.state() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("state"), query.state()));
        }
        if (query.from() != null) {
            Instant from = query.from().atStartOfDay(ZONE).toInstant();
            spec = spec.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.get("startsAt"), from));
        }
        if (query.to() != null) {
            Instant to = query.to().plusDays(1).atStartOfDay(ZONE).toInstant();
            spec = spec.and((root, q, cb) -> cb.lessThan(root.get("startsAt"), to));
        }
        Page<Event> found = events.findAll(spec, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
                Sort.by(Sort.Order.desc("startsAt"), Sort.Order.desc("id"))));
        Map<Long, EventTypeView> typeViews = typeViews();
        Map<Long, RollCallSummary> summaries = attendanceRows.summaries(
                found.getContent().stream().map(Event::getId).toList(), escape(pathPrefix));
        return found.map(e -> toView(e, typeViews.get(e.getTypeId()),
                summaries.getOrDefault(e.getId(), RollCallSummary.empty(e.getId())).invited()));
    }

    /**
     * The roll-call in numbers (invited, present, late, excused, absent) of each of the events, read with one
     * query: for the ledgers and reports, which list many events. Needs event:view; events outside the caller's
     * scope and unknown ids are left out of the map.
     */
    @Transactional(readOnly = true)
    public Map<Long, RollCallSummary> rollCallSummaries(Collection<Long> eventIds) {
        CurrentUser user = scope.require(Permission.EVENT_VIEW);
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return attendanceRows.summaries(eventIds, escape(scope.prefix(user)));
    }

    @Transactional(readOnly = true)
    public EventView get(long id) {
        Event e = visible(id, scope.user());
        return toView(e, typeOf(e).toView(), participants.countByEventId(id));
    }

    /** Whether the signed-in account may change this event (buttons on the detail page). */
    @Transactional(readOnly = true)
    public boolean canEdit(long id) {
        CurrentUser user = scope.user();
        return events.findById(id).filter(e -> scope.within(user, Permission.EVENT_EDIT, e)).isPresent();
    }

    /** The form pre-filled for editing. */
    @Transactional(readOnly = true)
    public EventForm formFor(long id) {
        Event e = editable(id);
        List<InviteeRule> list = rules.findByEventIdOrderByIdAsc(id);
        return new EventForm(e.getTypeId(), e.getOrganiserUnitId(), e.getTitle(), e.getHostPersonId(),
                e.getSpeakerPersonId(), e.getSpeakers(), local(e.getStartsAt()), local(e.getEndsAt()), e.getPlace(),
                e.getAgenda(), e.tagSet(),
                list.stream().filter(r -> r.getRuleKind() == InviteeRuleKind.UNIT).map(InviteeRule::getOrgUnitId).toList(),
                list.stream().filter(r -> r.getRuleKind() == InviteeRuleKind.STATUS).map(InviteeRule::getPoliticalStatus).toList(),
                list.stream().filter(r -> r.getRuleKind() == InviteeRuleKind.POST).map(InviteeRule::getPost).toList(),
                list.stream().filter(r -> r.getRuleKind() == InviteeRuleKind.PERSON).map(InviteeRule::getPersonId).toList(),
                e.isWalkInsOpen());
    }

    @Transactional(readOnly = true)
    public List<InviteeRuleView> invitees(long id) {
        visible(id, scope.user());
        Map<Long, String> names = participants.findByEventId(id).stream()
                .collect(Collectors.toMap(Participant::getPersonId, Participant::getPersonName, (a, b) -> a));
        return rules.findByEventIdOrderByIdAsc(id).stream().map(r -> new InviteeRuleView(r.getRuleKind(),
                r.getOrgUnitId(), r.getPoliticalStatus(), r.getPost(), r.getPersonId(), switch (r.getRuleKind()) {
                    case UNIT -> units.find(r.getOrgUnitId()).map(OrgUnitView::name).orElse("#" + r.getOrgUnitId());
                    case PERSON -> names.getOrDefault(r.getPersonId(), "#" + r.getPersonId());
                    default -> null;
                })).toList();
    }

    /**
     * The roll-call: every invitee with the attendance recorded so far, by name. Organisers in scope see
     * everybody; an invited member sees their own line only.
     */
    @Transactional(readOnly = true)
    public List<RollCallLine> rollCall(long id) {
        CurrentUser user = scope.user();
        Event e = visible(id, user);
        boolean all = scope.within(user, Permission.EVENT_VIEW, e);
        Map<Long, Attendance> byPerson = attendances.findByEventId(id).stream()
                .collect(Collectors.toMap(Attendance::getPersonId, Function.identity()));
        return participants.findByEventId(id).stream()
                .filter(p -> all || Objects.equals(p.getPersonId(), user.personId()))
                .sorted(java.util.Comparator.comparing(Participant::getPersonName))
                .map(p -> new RollCallLine(p.getPersonId(), p.getPersonName(),
                        Optional.ofNullable(byPerson.get(p.getPersonId())).map(a -> view(a, false)).orElse(null),
                        p.isWalkIn()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ResolutionView> resolutions(long id) {
        visible(id, scope.user());
        return resolutions.findByEventIdOrderByIdAsc(id).stream().map(Resolution::toView).toList();
    }

    /**
     * The resolutions of each of the events (in id order), read at once: for the indicators, which follow the
     * resolutions of many meetings. Needs event:view; events outside the caller's scope and unknown ids are left
     * out of the map, an event without resolutions answers an empty list.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<ResolutionView>> resolutionsOf(Collection<Long> eventIds) {
        CurrentUser user = scope.require(Permission.EVENT_VIEW);
        Map<Long, List<ResolutionView>> found = new HashMap<>();
        List<Long> ids = eventIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            List<Long> visible = events.findAllById(chunk).stream()
                    .filter(e -> scope.within(user, Permission.EVENT_VIEW, e)).map(Event::getId).toList();
            if (visible.isEmpty()) {
                continue;
            }
            visible.forEach(id -> found.put(id, new ArrayList<>()));
            resolutions.findByEventIdInOrderByIdAsc(visible).forEach(r -> found.get(r.getEventId()).add(r.toView()));
        }
        found.replaceAll((id, list) -> List.copyOf(list));
        return found;
    }

    @Transactional(readOnly = true)
    public List<ContestResultView> contestResults(long id) {
        visible(id, scope.user());
        return contestResults.findByEventIdOrderByRankNoAscIdAsc(id).stream().map(ContestResult::toView).toList();
    }

    @Transactional(readOnly = true)
    public List<VolunteerHoursView> volunteerHours(long id) {
        visible(id, scope.user());
        return volunteerHours.findByEventIdOrderByPersonNameAsc(id).stream().map(VolunteerHours::toView).toList();
    }

    /** The signed-in person's events; empty for an account that is not linked to a person. */
    @Transactional(readOnly = true)
    public MyEvents mine() {
        CurrentUser user = scope.user();
        if (user.personId() == null) {
            return new MyEvents(List.of(), List.of());
        }
        List<Event> invited = events.findInvited(user.personId());
        Map<Long, AttendanceStatus> attended = attendances.findByPersonIdAndEventIdIn(user.personId(),
                        invited.stream().map(Event::getId).toList()).stream()
                .collect(Collectors.toMap(Attendance::getEventId, Attendance::getStatus));
        Map<Long, EventTypeView> typeViews = typeViews();
        Instant startOfToday = LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant();
        List<MyEvents.Line> upcoming = new ArrayList<>();
        List<MyEvents.Line> past = new ArrayList<>();
        for (Event e : invited) {
            MyEvents.Line line = new MyEvents.Line(toView(e, typeViews.get(e.getTypeId()), 0),
                    attended.get(e.getId()));
            if (e.getState().open() && !e.getStartsAt().isBefore(startOfToday)) {
                upcoming.add(0, line); // invited is latest first; upcoming reads soonest first
            } else {
                past.add(line);
            }
        }
        return new MyEvents(upcoming, past);
    }

    /**
     * The calendar: events starting on a day from {@code from} up to (not including) {@code toExclusive}, soonest first. Holders of
     * {@code event:view} see the events of their scope; everybody sees the events they are invited to.
     */
    @Transactional(readOnly = true)
    public List<EventView> calendar(LocalDate from, LocalDate toExclusive) {
        CurrentUser user = scope.user();
        Instant a = from.atStartOfDay(ZONE).toInstant();
        Instant b = toExclusive.atStartOfDay(ZONE).toInstant();
        Map<Long, Event> found = new LinkedHashMap<>();
        if (user.has(Permission.EVENT_VIEW)) {
            organisedUnder(scope.prefix(user), a, b).forEach(e -> found.put(e.getId(), e));
        }
        if (user.personId() != null) {
            invitedBetween(user.personId(), a, b).forEach(e -> found.putIfAbsent(e.getId(), e));
        }
        return views(found.values());
    }

    /** A person's invited events starting from {@code from} up to (not including) {@code to}: the person feed (no signed-in account). */
    @Transactional(readOnly = true)
    List<EventView> invitedEvents(long personId, Instant from, Instant to) {
        return views(invitedBetween(personId, from, to));
    }

    /** The events organised in the subtree at {@code path} starting from {@code from} up to (not including) {@code to}: the unit feed. */
    @Transactional(readOnly = true)
    List<EventView> organisedEvents(String path, Instant from, Instant to) {
        return views(organisedUnder(path, from, to));
    }

    private List<Event> organisedUnder(String prefix, Instant from, Instant to) {
        Specification<Event> spec = (root, q, cb) -> cb.and(
                cb.like(root.get("organiserUnitPath"), escape(prefix) + "%", '\\'),
                cb.greaterThanOrEqualTo(root.get("startsAt"), from), cb.lessThan(root.get("startsAt"), to));
        return events.findAll(spec, Sort.by("startsAt", "id"));
    }

    private List<Event> invitedBetween(long personId, Instant from, Instant to) {
        return events.findInvitedBetween(personId, from, to);
    }

    private List<EventView> views(Collection<Event> found) {
        Map<Long, EventTypeView> typeViews = typeViews();
        return found.stream()
                .sorted(java.util.Comparator.comparing(Event::getStartsAt).thenComparing(Event::getId))
                .map(e -> toView(e, typeViews.get(e.getTypeId()), 0)).toList();
    }

    // ---- scheduling and the state machine -------------------------------------------------------

    @Transactional
    public long schedule(EventForm form) {
        return schedule(form, true);
    }

    /** The outcome of {@link #scheduleOnce}: the event and whether this call scheduled it. */
    public record Scheduled(long eventId, boolean created) {
    }

    /**
     * Schedules an event once per request id of its user: the same id sent again (a double click, a retry after
     * a lost answer, two racing requests) schedules nothing new and answers the first event. A blank id
     * schedules unconditionally.
     */
    public Scheduled scheduleOnce(EventForm form, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return new Scheduled(transactions.execute(tx -> schedule(form, true)), true);
        }
        String id = requestId.strip();
        if (id.length() > 64) {
            throw new UserFacingException("event.request.invalid");
        }
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        Optional<Long> earlier = byRequest(user.username(), id);
        if (earlier.isPresent()) {
            return new Scheduled(earlier.get(), false);
        }
        try {
            return new Scheduled(transactions.execute(tx -> {
                long created = schedule(form, true);
                Event e = events.getReferenceById(created);
                e.requestedAs(id);
                events.flush();
                return created;
            }), true);
        } catch (DataIntegrityViolationException e) {
            // Another request with the same id won the race: answer what it scheduled.
            return new Scheduled(byRequest(user.username(), id).orElseThrow(() -> e), false);
        }
    }

    private Optional<Long> byRequest(String username, String requestId) {
        return Optional.ofNullable(transactions.execute(tx -> events
                .findByCreatedByAndClientRequestId(username, requestId).map(Event::getId).orElse(null)));
    }

    /**
     * Schedules an event; {@code announce} false leaves the invitees' notices to the caller (a lecture series
     * announces its whole semester once instead of once per lecture).
     */
    @Transactional
    long schedule(EventForm form, boolean announce) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        Event e = new Event(user.username());
        describe(e, form, user);
        walkIns(e, form);
        events.save(e);
        invite(e, form);
        if (announce) {
            announceInvited(e, List.of());
        }
        audit.record(AuditAction.CREATE, "event", e.getId(), AuditOutcome.SUCCESS, e.getTitle());
        return e.getId();
    }

    /** The people invited to an event, in id order. */
    List<Long> inviteesOf(long eventId) {
        return participants.findByEventId(eventId).stream().map(Participant::getPersonId).sorted().toList();
    }

    @Transactional
    public void update(long id, EventForm form) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        Event e = editable(id);
        if (e.getState() == EventState.CANCELLED) {
            throw new UserFacingException("event.refused.cancelled");
        }
        Instant startsBefore = e.getStartsAt();
        Instant endsBefore = e.getEndsAt();
        String placeBefore = e.getPlace();
        List<Long> invitedBefore = participants.findByEventId(id).stream().map(Participant::getPersonId).toList();
        describe(e, form, user);
        walkIns(e, form);
        invite(e, form);
        announceChanges(e, startsBefore, endsBefore, placeBefore, invitedBefore);
        audit.record(AuditAction.UPDATE, "event", id, AuditOutcome.SUCCESS, e.getTitle());
    }

    /** 开始: planned → under way. */
    @Transactional
    public EventView start(long id) {
        Event e = editable(id);
        if (e.getState() != EventState.PLANNED) {
            throw new UserFacingException("event.start.refused");
        }
        e.moveTo(EventState.UNDER_WAY);
        audit.record(AuditAction.UPDATE, "event", id, AuditOutcome.SUCCESS, "state=UNDER_WAY");
        return get(id);
    }

    /** 结束: under way → done; publishes {@link EventClosed} and, for a lecture, {@link LectureGiven}. */
    @Transactional
    public EventView close(long id) {
        Event e = editable(id);
        if (e.getState() != EventState.UNDER_WAY) {
            throw new UserFacingException("event.close.refused");
        }
        e.moveTo(EventState.DONE);
        EventType type = typeOf(e);
        LocalDate date = date(e);
        long attended = attendances.findByEventId(id).stream().filter(a -> a.getStatus().attended()).count();
        publisher.publishEvent(new EventClosed(id, type.getCode(), e.getOrganiserUnitId(), date, attended));
        Long speaker = e.getSpeakerPersonId() != null ? e.getSpeakerPersonId() : e.getHostPersonId();
        if (type.getCategory() == EventCategory.LECTURE && speaker != null) {
            publisher.publishEvent(new LectureGiven(id, type.getCode(), speaker, date));
        }
        audit.record(AuditAction.UPDATE, "event", id, AuditOutcome.SUCCESS, "state=DONE");
        return get(id);
    }

    /** 取消: planned or under way → cancelled; a done event stays done. */
    @Transactional
    public EventView cancel(long id) {
        Event e = editable(id);
        if (!e.getState().open()) {
            throw new UserFacingException("event.cancel.refused");
        }
        e.moveTo(EventState.CANCELLED);
        publisher.publishEvent(new EventCancelled(id, e.getTitle(), e.getStartsAt(),
                participants.findByEventId(id).stream().map(Participant::getPersonId).toList()));
        audit.record(AuditAction.UPDATE, "event", id, AuditOutcome.SUCCESS, "state=CANCELLED");
        return get(id);
    }

    // ---- attendance ----------------------------------------------------------------------------

    /**
     * A person signs themselves in (the QR endpoint calls this with the scanner's person id), or an
     * organiser signs somebody in. Idempotent: the unique key (event, person) lets one insert win; a
     * retried or raced request answers the same attendance with {@code newlyRecorded = false}. A sign-in
     * after the roll-call marked the person absent turns the absence into attendance. A person signing
     * themselves in to an event open to walk-ins without an invitation first gets a roll-call line marked
     * as a walk-in (also once: the unique key (event, person) of the roll-call).
     */
    @Transactional
    public AttendanceView signIn(long eventId, long personId, AttendanceSource source) {
        return signIn(attendanceRows.target(eventId, personId).orElseThrow(() -> new NotFoundException("event", eventId)),
                personId, source);
    }

    /**
     * As {@link #signIn(long, long, AttendanceSource)}, with the event and the person's invitation as read by
     * {@link AttendanceRows#target} in the caller's transaction (the QR confirmation reads it once for both).
     */
    @Transactional
    AttendanceView signIn(AttendanceRows.Target e, long personId, AttendanceSource source) {
        CurrentUser user = scope.user();
        long eventId = e.eventId();
        boolean organiser = scope.within(user, Permission.EVENT_EDIT, e.organiserUnitPath());
        boolean self = Objects.equals(user.personId(), personId);
        boolean invited = e.invited();
        boolean walkIn = !invited && self && e.walkInsOpen();
        if (!organiser && !(self && invited) && !walkIn) {
            if (self && (scope.within(user, Permission.EVENT_VIEW, e.organiserUnitPath())
                    || events.findById(eventId).filter(event -> visibleTo(user, event)).isPresent())) {
                throw new UserFacingException("event.signIn.notInvited");
            }
            throw new NotFoundException("event", eventId);
        }
        if (!invited && !walkIn) {
            throw new UserFacingException("event.signIn.notInvited");
        }
        if (!e.state().open()) {
            throw new UserFacingException("event.signIn.closed");
        }
        if (walkIn) {
            attendanceRows.addWalkIn(eventId, personId, user.displayName());
        }
        AttendanceStatus status = Instant.now().isAfter(e.startsAt().plus(LATE_AFTER))
                ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
        String typeCode = e.typeCode();
        // Microseconds: what both databases keep, so the answer equals what a later read finds.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        boolean inserted = attendanceRows.insertIfAbsent(eventId, personId, status, null, user.username(), source, now);
        boolean written = inserted || attendanceRows.upgradeAbsent(eventId, personId, status, user.username(), source);
        if (written) {
            publisher.publishEvent(new AttendanceRecorded(eventId, typeCode, personId,
                    e.startsAt().atZone(ZONE).toLocalDate(), status));
        }
        if (inserted) {
            // This request wrote the row: answer it without reading it back (one statement less per sign-in).
            return new AttendanceView(eventId, personId, status, null, now, user.username(), source, true);
        }
        AttendanceRows.Row row = attendanceRows.find(eventId, personId)
                .orElseThrow(() -> new UserFacingException("event.signIn.retry"));
        return new AttendanceView(eventId, personId, row.status(), row.reason(), row.recordedAt(), row.recordedBy(),
                row.source(), written);
    }

    /** Roll-call: an organiser records or corrects one invitee's attendance; excused needs a reason. */
    @Transactional
    public AttendanceView record(long eventId, long personId, AttendanceStatus status, String reason) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        Event e = editable(eventId);
        if (e.getState() == EventState.CANCELLED) {
            throw new UserFacingException("event.refused.cancelled");
        }
        if (status == null) {
            throw new InvalidInputException(List.of(new FieldProblem("status", "validation.required")));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (status == AttendanceStatus.EXCUSED && why == null) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "event.attendance.reason.required")));
        }
        if (why != null && why.length() > 200) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "validation.tooLong", 200)));
        }
        if (!participants.existsByEventIdAndPersonId(eventId, personId)) {
            throw new UserFacingException("event.attendance.notInvited");
        }
        String typeCode = typeOf(e).getCode();
        LocalDate date = date(e);
        boolean inserted = attendanceRows.insertIfAbsent(eventId, personId, status, why, user.username(),
                AttendanceSource.MANUAL);
        if (inserted) {
            publisher.publishEvent(new AttendanceRecorded(eventId, typeCode, personId, date, status));
        } else {
            Attendance a = attendances.findByEventIdAndPersonId(eventId, personId)
                    .orElseThrow(() -> new NotFoundException("attendance", personId));
            AttendanceStatus before = a.getStatus();
            a.correct(status, why, user.username(), AttendanceSource.MANUAL);
            if (before != status) {
                publisher.publishEvent(new AttendanceRecorded(eventId, typeCode, personId, date, status));
                if (before.attended() && !status.attended()) {
                    publisher.publishEvent(new AttendanceRetracted(eventId, typeCode, personId, date, status));
                }
            }
        }
        audit.record(AuditAction.UPDATE, "attendance", eventId + "/" + personId, AuditOutcome.SUCCESS,
                status + (why == null ? "" : " " + why));
        Attendance saved = attendances.findByEventIdAndPersonId(eventId, personId).orElseThrow();
        return view(saved, inserted);
    }

    /** Removes an attendance recorded by mistake; publishes {@link AttendanceRetracted} if it counted. */
    @Transactional
    public void deleteAttendance(long eventId, long personId) {
        Event e = editable(eventId);
        attendances.findByEventIdAndPersonId(eventId, personId).ifPresent(a -> {
            attendances.delete(a);
            if (a.getStatus().attended()) {
                publisher.publishEvent(new AttendanceRetracted(eventId, typeOf(e).getCode(), personId, date(e), null));
            }
            audit.record(AuditAction.DELETE, "attendance", eventId + "/" + personId, AuditOutcome.SUCCESS,
                    String.valueOf(a.getStatus()));
        });
    }

    // ---- minutes, resolutions, results, hours ---------------------------------------------------

    @Transactional
    public void writeMinutes(long id, String minutes, String summary) {
        Event e = editable(id);
        if (e.getState() == EventState.CANCELLED) {
            throw new UserFacingException("event.refused.cancelled");
        }
        List<FieldProblem> problems = new ArrayList<>();
        tooLong(problems, "minutes", minutes, 20000);
        tooLong(problems, "summary", summary, 4000);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        e.writeMinutes(blankToNull(minutes), blankToNull(summary));
        audit.record(AuditAction.UPDATE, "event", id, AuditOutcome.SUCCESS, "minutes");
    }

    @Transactional
    public long addResolution(long eventId, String content, Long assigneePersonId, LocalDate dueOn) {
        Event e = editable(eventId);
        if (e.getState() == EventState.CANCELLED) {
            throw new UserFacingException("event.refused.cancelled");
        }
        List<FieldProblem> problems = new ArrayList<>();
        EventTypeService.required(problems, "content", content, 1000);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String assignee = assigneePersonId == null ? null : personName(eventId, assigneePersonId);
        Resolution r = resolutions.save(new Resolution(eventId, content.strip(), assigneePersonId, assignee, dueOn));
        if (assigneePersonId != null) {
            publisher.publishEvent(new ActionAssigned(eventId, e.getTitle(), r.getId(), content.strip(),
                    assigneePersonId, dueOn));
        }
        audit.record(AuditAction.CREATE, "resolution", r.getId(), AuditOutcome.SUCCESS, content.strip());
        return r.getId();
    }

    @Transactional
    public void setResolutionState(long eventId, long resolutionId, ResolutionState state) {
        editable(eventId);
        Resolution r = resolutions.findById(resolutionId).filter(x -> x.getEventId() == eventId)
                .orElseThrow(() -> new NotFoundException("resolution", resolutionId));
        r.setState(state == null ? ResolutionState.OPEN : state);
        audit.record(AuditAction.UPDATE, "resolution", resolutionId, AuditOutcome.SUCCESS, "state=" + state);
    }

    /**
     * Records a follow-up as done on a day: today (or no day) stamps now; a past day stamps the start of that day
     * (Asia/Shanghai), so a follow-up done on or before its due day counts as on time. The day may be neither in
     * the future nor before the meeting; a refusal changes nothing.
     */
    @Transactional
    public void recordResolutionDone(long eventId, long resolutionId, LocalDate doneOn) {
        Event e = editable(eventId);
        Resolution r = resolutions.findById(resolutionId).filter(x -> x.getEventId() == eventId)
                .orElseThrow(() -> new NotFoundException("resolution", resolutionId));
        LocalDate today = LocalDate.now(ZONE);
        LocalDate day = doneOn == null ? today : doneOn;
        if (day.isAfter(today)) {
            throw new InvalidInputException(List.of(new FieldProblem("doneOn", "event.resolution.doneOn.future")));
        }
        if (day.isBefore(date(e))) {
            throw new InvalidInputException(List.of(new FieldProblem("doneOn", "event.resolution.doneOn.beforeMeeting",
                    date(e).toString())));
        }
        r.markDone(day.equals(today) ? Instant.now() : day.atStartOfDay(ZONE).toInstant());
        audit.record(AuditAction.UPDATE, "resolution", resolutionId, AuditOutcome.SUCCESS, "state=DONE on " + day);
    }

    @Transactional
    public long addContestResult(long eventId, ContestResultForm form) {
        Event e = editable(eventId);
        if (e.getState() == EventState.CANCELLED) {
            throw new UserFacingException("event.refused.cancelled");
        }
        if (!typeOf(e).isContest()) {
            throw new UserFacingException("event.contest.notContest");
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean team = form.teamName() != null && !form.teamName().isBlank();
        if (form.personId() == null && !team) {
            problems.add(new FieldProblem("personId", "event.contest.entrant.required"));
        }
        tooLong(problems, "teamName", form.teamName(), 100);
        tooLong(problems, "award", form.award(), 100);
        if (form.rank() != null && form.rank() < 1) {
            problems.add(new FieldProblem("rank", "validation.invalid"));
        }
        if (form.score() != null && (form.score().abs().compareTo(new BigDecimal("999999")) > 0)) {
            problems.add(new FieldProblem("score", "validation.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = form.personId() == null ? null : personName(eventId, form.personId());
        ContestResult saved = contestResults.save(new ContestResult(eventId, form.personId(), name,
                team ? form.teamName().strip() : null, form.score(), form.rank(), blankToNull(form.award())));
        audit.record(AuditAction.CREATE, "contest_result", eventId, AuditOutcome.SUCCESS,
                (name != null ? name : form.teamName()) + " " + form.rank() + " " + form.award());
        return saved.toView().id();
    }

    @Transactional
    public void deleteContestResult(long eventId, long resultId) {
        editable(eventId);
        ContestResult r = contestResults.findById(resultId).filter(x -> x.getEventId() == eventId)
                .orElseThrow(() -> new NotFoundException("contest result", resultId));
        contestResults.delete(r);
        audit.record(AuditAction.DELETE, "contest_result", resultId, AuditOutcome.SUCCESS, null);
    }

    /** Records (or changes) the hours an invitee served at a volunteer event. */
    @Transactional
    public void recordVolunteerHours(long eventId, long personId, BigDecimal hours) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        Event e = editable(eventId);
        if (e.getState() == EventState.CANCELLED) {
            throw new UserFacingException("event.refused.cancelled");
        }
        EventType type = typeOf(e);
        if (!type.isVolunteer()) {
            throw new UserFacingException("event.volunteer.notVolunteer");
        }
        if (hours == null || hours.signum() <= 0 || hours.compareTo(new BigDecimal("24")) > 0) {
            throw new InvalidInputException(List.of(new FieldProblem("hours", "event.volunteer.hours.invalid")));
        }
        Participant p = participants.findByEventIdAndPersonId(eventId, personId)
                .orElseThrow(() -> new UserFacingException("event.attendance.notInvited"));
        VolunteerHours row = volunteerHours.findByEventIdAndPersonId(eventId, personId)
                .orElseGet(() -> new VolunteerHours(eventId, personId, p.getPersonName()));
        row.set(hours, user.username());
        volunteerHours.save(row);
        publisher.publishEvent(new VolunteerHoursRecorded(eventId, type.getCode(), personId, date(e), hours));
        audit.record(AuditAction.UPDATE, "volunteer_hours", eventId + "/" + personId, AuditOutcome.SUCCESS,
                hours.toPlainString());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Event visible(long id, CurrentUser user) {
        return events.findById(id).filter(e -> visibleTo(user, e)).orElseThrow(() -> new NotFoundException("event", id));
    }

    private boolean visibleTo(CurrentUser user, Event e) {
        return scope.within(user, Permission.EVENT_VIEW, e) || scope.within(user, Permission.EVENT_EDIT, e)
                || user.personId() != null && participants.existsByEventIdAndPersonId(e.getId(), user.personId());
    }

    private Event editable(long id) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        return events.findById(id).filter(e -> scope.within(user, Permission.EVENT_EDIT, e))
                .orElseThrow(() -> new NotFoundException("event", id));
    }

    private EventType typeOf(Event e) {
        return types.findById(e.getTypeId()).orElseThrow(() -> new NotFoundException("event type", e.getTypeId()));
    }

    private Map<Long, EventTypeView> typeViews() {
        return types.findAll().stream().collect(Collectors.toMap(EventType::getId, EventType::toView));
    }

    private void describe(Event e, EventForm form, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        EventType type = null;
        if (form.typeId() == null) {
            problems.add(new FieldProblem("typeId", "validation.required"));
        } else {
            type = types.findById(form.typeId()).filter(t -> t.isActive() || Objects.equals(t.getId(), e.getTypeId()))
                    .orElse(null);
            if (type == null) {
                problems.add(new FieldProblem("typeId", "validation.invalid"));
            }
        }
        OrgUnitView unit = scope.organiserUnit(user, form.organiserUnitId(), problems);
        EventTypeService.required(problems, "title", form.title(), 200);
        if (form.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "validation.required"));
        } else if (form.endsAt() != null && form.endsAt().isBefore(form.startsAt())) {
            problems.add(new FieldProblem("endsAt", "event.endsAt.beforeStart"));
        }
        tooLong(problems, "speakers", form.speakers(), 500);
        tooLong(problems, "place", form.place(), 200);
        tooLong(problems, "agenda", form.agenda(), 4000);
        String hostName = personNameOrProblem(form.hostPersonId(), "hostPersonId", problems);
        personNameOrProblem(form.speakerPersonId(), "speakerPersonId", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        e.describe(type.getId(), unit.id(), unit.path(), unit.name(), form.title().strip(), form.hostPersonId(),
                hostName, form.speakerPersonId(), blankToNull(form.speakers()),
                form.startsAt().atZone(ZONE).toInstant(),
                form.endsAt() == null ? null : form.endsAt().atZone(ZONE).toInstant(), blankToNull(form.place()),
                blankToNull(form.agenda()), form.tags());
    }

    private String personNameOrProblem(Long personId, String field, List<FieldProblem> problems) {
        if (personId == null) {
            return null;
        }
        try {
            return people.get(personId).name();
        } catch (NotFoundException e) {
            problems.add(new FieldProblem(field, "validation.invalid"));
            return null;
        }
    }

    /** A name for an assignee or entrant: from the roll-call when invited, else from the people in scope. */
    private String personName(long eventId, long personId) {
        return participants.findByEventIdAndPersonId(eventId, personId).map(Participant::getPersonName)
                .orElseGet(() -> {
                    try {
                        return people.get(personId).name();
                    } catch (NotFoundException e) {
                        throw new InvalidInputException(List.of(new FieldProblem("personId", "validation.invalid")));
                    }
                });
    }

    /**
     * Stores the invitation rules and resolves them to people through the organisation module (within the
     * organiser's data scope). People who drop out of the invitation leave the roll-call; their attendance,
     * if any was recorded, stays.
     */
    private void invite(Event e, EventForm form) {
        long id = e.getId();
        rules.deleteByEventId(id);
        rules.flush();
        List<Long> unitIds = nonNull(form.inviteUnitIds());
        List<PoliticalStatus> statuses = nonNull(form.inviteStatuses());
        List<PartyPost> posts = nonNull(form.invitePosts());
        List<Long> personIds = nonNull(form.invitePersonIds());
        unitIds.forEach(u -> rules.save(InviteeRule.unit(id, u)));
        statuses.forEach(s -> rules.save(InviteeRule.status(id, s)));
        posts.forEach(p -> rules.save(InviteeRule.post(id, p)));
        personIds.forEach(p -> rules.save(InviteeRule.person(id, p)));

        Map<Long, String> invited = new LinkedHashMap<>();
        boolean byPersonOnly = unitIds.isEmpty() && statuses.isEmpty() && posts.isEmpty() && !personIds.isEmpty();
        if (!byPersonOnly) {
            List<Long> base = unitIds.isEmpty() ? List.of(e.getOrganiserUnitId()) : unitIds;
            Set<PartyPost> wanted = posts.isEmpty() ? null : EnumSet.copyOf(posts);
            for (Long unitId : base) {
                if (units.find(unitId).filter(u -> u.path().startsWith(scope.prefix(scope.user()))).isEmpty()) {
                    throw new InvalidInputException(List.of(new FieldProblem("inviteUnitIds", "validation.invalid")));
                }
                Collection<PoliticalStatus> each = statuses.isEmpty() ? java.util.Collections.singletonList(null) : statuses;
                for (PoliticalStatus s : each) {
                    for (PersonRow row : people.all(new PersonQuery(null, unitId, s, null, null))) {
                        if (wanted == null || row.posts().stream().anyMatch(wanted::contains)) {
                            invited.putIfAbsent(row.id(), row.name());
                        }
                    }
                }
            }
        }
        for (Long personId : personIds) {
            List<FieldProblem> problems = new ArrayList<>();
            String name = personNameOrProblem(personId, "invitePersonIds", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            invited.putIfAbsent(personId, name);
        }
        Map<Long, Participant> current = new HashMap<>();
        participants.findByEventId(id).forEach(p -> current.put(p.getPersonId(), p));
        current.forEach((personId, p) -> {
            if (!invited.containsKey(personId) && !p.isWalkIn()) {
                participants.delete(p);
            }
        });
        invited.forEach((personId, name) -> {
            if (!current.containsKey(personId)) {
                participants.save(new Participant(id, personId, truncate(name, 50)));
            }
        });
    }

    private static EventView toView(Event e, EventTypeView type, long invitedCount) {
        return new EventView(e.getId(), type, e.getOrganiserUnitId(), e.getOrganiserUnitName(), e.getTitle(),
                e.getHostPersonId(), e.getHostName(), e.getSpeakerPersonId(), e.getSpeakers(), local(e.getStartsAt()),
                local(e.getEndsAt()), e.getPlace(), e.getAgenda(), e.getState(), e.getSummary(), e.tagSet(),
                e.getMinutes(), invitedCount, e.isWalkInsOpen());
    }

    private static AttendanceView view(Attendance a, boolean newlyRecorded) {
        return new AttendanceView(a.getEventId(), a.getPersonId(), a.getStatus(), a.getReason(), a.getRecordedAt(),
                a.getRecordedBy(), a.getSource(), newlyRecorded);
    }

    private static LocalDate date(Event e) {
        return e.getStartsAt().atZone(ZONE).toLocalDate();
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong", max));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ---- for the API ---------------------------------------------------------------------------

    /** The roll-call counted by status: {@code notRecorded} invitees have no attendance yet. */
    public record AttendanceSummary(long invited, long present, long late, long excused, long absent,
                                    long notRecorded) {
    }

    /**
     * The roll-call counted by status, for those who see the whole roll-call (event:view in scope); empty
     * for an invited member, who sees only their own line.
     */
    @Transactional(readOnly = true)
    public Optional<AttendanceSummary> attendanceSummary(long id) {
        CurrentUser user = scope.user();
        Event e = visible(id, user);
        if (!scope.within(user, Permission.EVENT_VIEW, e)) {
            return Optional.empty();
        }
        Map<AttendanceStatus, Long> counts = new java.util.EnumMap<>(AttendanceStatus.class);
        long none = 0;
        List<RollCallLine> lines = rollCall(id);
        for (RollCallLine line : lines) {
            if (line.attendance() == null) {
                none++;
            } else {
                counts.merge(line.attendance().status(), 1L, Long::sum);
            }
        }
        return Optional.of(new AttendanceSummary(lines.size(), counts.getOrDefault(AttendanceStatus.PRESENT, 0L),
                counts.getOrDefault(AttendanceStatus.LATE, 0L), counts.getOrDefault(AttendanceStatus.EXCUSED, 0L),
                counts.getOrDefault(AttendanceStatus.ABSENT, 0L), none));
    }

    // ---- appended: visibility for file access, announcements for the inbox ----------------------

    /** Whether the account may see the event: the events module's files follow the event. */
    @Transactional(readOnly = true)
    boolean canSee(long eventId, CurrentUser user) {
        return events.findById(eventId).filter(e -> visibleTo(user, e)).isPresent();
    }

    /** Publishes {@link EventScheduled} for the invitees who were not invited before. */
    private void announceInvited(Event e, Collection<Long> invitedBefore) {
        Set<Long> before = Set.copyOf(invitedBefore);
        List<Long> added = participants.findByEventId(e.getId()).stream().map(Participant::getPersonId)
                .filter(p -> !before.contains(p)).sorted().toList();
        if (!added.isEmpty() && e.getState().open()) {
            publisher.publishEvent(new EventScheduled(e.getId(), e.getTitle(), e.getStartsAt(), e.getPlace(), added));
        }
    }

    /** After an edit: {@link EventRescheduled} when time or place changed, {@link EventScheduled} for new invitees. */
    private void announceChanges(Event e, Instant startsBefore, Instant endsBefore, String placeBefore,
                                 List<Long> invitedBefore) {
        boolean moved = !sameSecond(startsBefore, e.getStartsAt()) || !sameSecond(endsBefore, e.getEndsAt())
                || !Objects.equals(placeBefore, e.getPlace());
        if (moved && e.getState().open()) {
            Set<Long> still = participants.findByEventId(e.getId()).stream().map(Participant::getPersonId)
                    .collect(Collectors.toSet());
            List<Long> told = invitedBefore.stream().filter(still::contains).sorted().toList();
            // Published also when nobody is to be told: the evidence of walk-ins moves with the event's day.
            publisher.publishEvent(new EventRescheduled(e.getId(), e.getTitle(), e.getStartsAt(), e.getEndsAt(),
                    e.getPlace(), startsBefore, placeBefore, told, e.getUpdatedAt()));
        }
        announceInvited(e, invitedBefore);
    }

    private static boolean sameSecond(Instant a, Instant b) {
        return a == null || b == null ? a == b
                : a.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).equals(b.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    // ---- a whole roll-call at once ---------------------------------------------------------------

    /** One line of a roll-call taken as a whole: an invitee, their attendance and (for excused) the reason. */
    public record RollCallEntry(long personId, AttendanceStatus status, String reason) {
    }

    /**
     * Records a whole roll-call at once (a past meeting entered from the paper sign-in sheet): each line as
     * {@link #record} records a new one, publishing an {@link AttendanceRecorded} for each, with one audit entry
     * for the roll-call. Every line is checked before anything is written; people already recorded are left as
     * they are. Answers how many attendances were written.
     */
    @Transactional
    public int recordRollCall(long eventId, List<RollCallEntry> lines) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        Event e = editable(eventId);
        if (e.getState() == EventState.CANCELLED) {
            throw new UserFacingException("event.refused.cancelled");
        }
        Set<Long> invited = participants.findByEventId(eventId).stream().map(Participant::getPersonId)
                .collect(Collectors.toSet());
        for (RollCallEntry line : lines) {
            if (line.status() == null) {
                throw new InvalidInputException(List.of(new FieldProblem("status", "validation.required")));
            }
            String why = line.reason() == null || line.reason().isBlank() ? null : line.reason().strip();
            if (line.status() == AttendanceStatus.EXCUSED && why == null) {
                throw new InvalidInputException(List.of(new FieldProblem("reason", "event.attendance.reason.required")));
            }
            if (why != null && why.length() > 200) {
                throw new InvalidInputException(List.of(new FieldProblem("reason", "validation.tooLong", 200)));
            }
            if (!invited.contains(line.personId())) {
                throw new UserFacingException("event.attendance.notInvited");
            }
        }
        String typeCode = typeOf(e).getCode();
        LocalDate date = date(e);
        int written = 0;
        for (RollCallEntry line : lines) {
            String why = line.reason() == null || line.reason().isBlank() ? null : line.reason().strip();
            if (attendanceRows.insertIfAbsent(eventId, line.personId(), line.status(), why, user.username(),
                    AttendanceSource.MANUAL)) {
                publisher.publishEvent(new AttendanceRecorded(eventId, typeCode, line.personId(), date, line.status()));
                written++;
            }
        }
        audit.record(AuditAction.UPDATE, "attendance", eventId, AuditOutcome.SUCCESS,
                "roll-call " + written + " of " + lines.size());
        return written;
    }

    /** Open to walk-ins as the form says, or as the event type's category suggests when it says nothing. */
    private void walkIns(Event e, EventForm form) {
        boolean byType = types.findById(e.getTypeId()).map(t -> t.getCategory().walkInsByDefault()).orElse(false);
        e.openToWalkIns(form.walkInsOpen() != null ? form.walkInsOpen() : byType);
    }
}
