package cn.hongxin.outreach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.events.EventForm;
import cn.hongxin.events.EventQuery;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.EventTypeView;
import cn.hongxin.events.EventView;
import cn.hongxin.events.ThreeCombination;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * Health talks (健康宣讲) are events of the HEALTH_TALK type, created and kept by the events module, so the roll-call,
 * the photos and EVENT_HELD evidence work as for every event. This service adds what outreach needs, keyed by
 * the event's id: campus or community, topic, audience size and the speakers from the health lecture team. When a
 * talk with a known audience is held (its event closed), or the audience of a held talk is corrected, it publishes
 * {@link HealthTalkReached}. Needs {@code outreach:edit}; the events module checks {@code event:edit} and its scope.
 */
@Service
public class TalkService {

    public static final String TYPE_CODE = "HEALTH_TALK";
    static final int MAX_AUDIENCE = 100_000;
    static final int MAX_SPEAKERS = 10;

    private final TalkRepository talks;
    private final EventService events;
    private final EventTypeService types;
    private final TeamService team;
    private final OutreachScope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    TalkService(TalkRepository talks, EventService events, EventTypeService types, TeamService team,
                OutreachScope scope, AuditTrail audit, ApplicationEventPublisher publisher,
                PlatformTransactionManager transactionManager) {
        this.talks = talks;
        this.events = events;
        this.types = types;
        this.team = team;
        this.scope = scope;
        this.audit = audit;
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The health-talk events in scope (newest first), with their outreach details where recorded. */
    @Transactional(readOnly = true)
    public Page<TalkView> page(LocalDate from, LocalDate to, int page, int size) {
        scope.require();
        Page<EventView> found = events.search(new EventQuery(typeId(), null, null, from, to), page, size);
        Map<Long, Talk> details = new LinkedHashMap<>();
        talks.findAllById(found.getContent().stream().map(EventView::id).toList())
                .forEach(t -> details.put(t.getEventId(), t));
        return found.map(e -> view(e, details.get(e.id())));
    }

    @Transactional(readOnly = true)
    public TalkView get(long eventId) {
        scope.require();
        EventView e = talkEvent(eventId);
        return view(e, talks.findById(eventId).orElse(null));
    }

    // ---- recording -----------------------------------------------------------------------------

    /**
     * Records a talk: the event through the events module (the speakers invited, walk-ins open as for every
     * health talk) and its details, in one transaction; with {@code held} the event is started and closed at
     * once. The same client request id sent again, or racing, records nothing and answers the first talk.
     */
    public RecordedTalk record(RecordTalk cmd) {
        CurrentUser user = scope.require();
        String requestId = TeamService.blankToNull(cmd.clientRequestId());
        if (requestId == null || requestId.length() > 64) {
            throw new InvalidInputException(List.of(new FieldProblem("clientRequestId", "outreach.talk.request.invalid")));
        }
        Optional<TalkView> earlier = byRequest(user, requestId);
        if (earlier.isPresent()) {
            return new RecordedTalk(earlier.get(), false);
        }
        try {
            TalkView saved = transactions.execute(status -> insert(cmd, requestId, user));
            return new RecordedTalk(saved, true);
        } catch (DataIntegrityViolationException e) {
            // Another request with the same id won the race: its talk is the answer, this one left nothing behind.
            return byRequest(user, requestId).map(t -> new RecordedTalk(t, false)).orElseThrow(() -> e);
        }
    }

    /** The talk recorded by this account with this client request id, if any. */
    public Optional<TalkView> findRecorded(String clientRequestId) {
        CurrentUser user = scope.require();
        String requestId = TeamService.blankToNull(clientRequestId);
        return requestId == null ? Optional.empty() : byRequest(user, requestId);
    }

    /**
     * Adds or corrects the outreach details of a health-talk event (also one scheduled on the events pages). For
     * a talk already held, a known audience publishes {@link HealthTalkReached} again (the ledger keeps one row).
     */
    @Transactional
    public TalkView saveDetails(long eventId, TalkDetailsForm form) {
        CurrentUser user = scope.require();
        EventView e = talkEvent(eventId);
        if (!events.canEdit(eventId)) {
            throw new NotFoundException("event", eventId);
        }
        if (e.state() == EventState.CANCELLED) {
            throw new UserFacingException("outreach.talk.cancelled");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Speakers speakers = check(form, e.state() == EventState.DONE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Talk t = talks.findById(eventId).orElseGet(() -> new Talk(eventId, e.organiserUnitId(), null, user.username()));
        t.describe(form.setting(), TeamService.blankToNull(form.topic()), form.audience(), speakers.ids(),
                speakers.names());
        talks.saveAndFlush(t);
        if (e.state() == EventState.DONE) {
            reached(t, e.organiserUnitId(), e.startsAt().toLocalDate());
        }
        audit.record(AuditAction.UPDATE, "outreach_talk", eventId, AuditOutcome.SUCCESS, detail(t));
        return view(e, t);
    }

    /** The talk's event was closed: a known audience was reached (called by the listener, no signed-in user). */
    @Transactional
    void closed(long eventId, long organiserUnitId, LocalDate date) {
        talks.findById(eventId).ifPresent(t -> reached(t, organiserUnitId, date));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private TalkView insert(RecordTalk cmd, String requestId, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        Speakers speakers = check(cmd.details(), cmd.heldNow(), problems);
        LocalDateTime now = LocalDateTime.now(EventService.ZONE);
        if (cmd.heldNow() && cmd.startsAt() != null && cmd.startsAt().isAfter(now)) {
            problems.add(new FieldProblem("startsAt", "outreach.talk.held.future"));
        }
        EventForm form = new EventForm(typeId(), cmd.organiserUnitId(), cmd.title(), null,
                speakers.ids().isEmpty() ? null : speakers.ids().get(0), speakers.names(), cmd.startsAt(),
                cmd.endsAt(), cmd.place(), TeamService.blankToNull(cmd.topic()),
                Set.of(ThreeCombination.PARTY_AND_SERVICE), List.of(), List.of(), List.of(), speakers.ids());
        long eventId;
        try {
            eventId = events.schedule(form);
        } catch (InvalidInputException refused) {
            // The event's own fields (organiser, title, times, place): reported with the details' problems.
            problems.addAll(refused.problems());
            throw new InvalidInputException(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        EventView e = events.get(eventId);
        Talk t = new Talk(eventId, e.organiserUnitId(), requestId, user.username());
        t.describe(cmd.setting(), TeamService.blankToNull(cmd.topic()), cmd.audience(), speakers.ids(),
                speakers.names());
        talks.saveAndFlush(t);
        if (cmd.heldNow()) {
            events.start(eventId);
            e = events.close(eventId);
        }
        audit.record(AuditAction.CREATE, "outreach_talk", eventId, AuditOutcome.SUCCESS, detail(t));
        return view(e, t);
    }

    private record Speakers(List<Long> ids, String names) {
    }

    private Speakers check(TalkDetailsForm form, boolean held, List<FieldProblem> problems) {
        if (form.setting() == null) {
            problems.add(new FieldProblem("setting", "validation.required"));
        }
        String topic = TeamService.blankToNull(form.topic());
        if (topic == null) {
            problems.add(new FieldProblem("topic", "validation.required"));
        } else if (topic.length() > ColumnService.MAX_TOPIC) {
            problems.add(new FieldProblem("topic", "validation.tooLong", ColumnService.MAX_TOPIC));
        }
        if (form.audience() == null) {
            if (held) {
                problems.add(new FieldProblem("audience", "outreach.talk.audience.required"));
            }
        } else if (form.audience() < 1 || form.audience() > MAX_AUDIENCE) {
            problems.add(new FieldProblem("audience", "outreach.talk.audience.range", MAX_AUDIENCE));
        }
        List<Long> ids = form.speakerPersonIds() == null ? List.of()
                : form.speakerPersonIds().stream().filter(Objects::nonNull).distinct().toList();
        List<String> names = new ArrayList<>();
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("speakerPersonIds", "outreach.talk.speakers.required"));
        } else if (ids.size() > MAX_SPEAKERS) {
            problems.add(new FieldProblem("speakerPersonIds", "outreach.talk.speakers.tooMany", MAX_SPEAKERS));
        } else {
            for (Long id : ids) {
                Optional<TeamMemberView> m = team.activeMember(id);
                if (m.isEmpty()) {
                    problems.add(new FieldProblem("speakerPersonIds", "outreach.talk.speakers.notInTeam"));
                    break;
                }
                names.add(m.get().personName());
            }
        }
        return new Speakers(ids, String.join("、", names));
    }

    private void reached(Talk t, long organiserUnitId, LocalDate date) {
        if (t.getAudience() != null && t.getAudience() > 0) {
            publisher.publishEvent(new HealthTalkReached(t.getEventId(), organiserUnitId, date, t.getAudience()));
        }
    }

    private Optional<TalkView> byRequest(CurrentUser user, String requestId) {
        return Optional.ofNullable(transactions.execute(status -> talks
                .findByCreatedByAndClientRequestId(user.username(), requestId)
                .map(t -> view(events.get(t.getEventId()), t)).orElse(null)));
    }

    private EventView talkEvent(long eventId) {
        EventView e = events.get(eventId);
        if (!TYPE_CODE.equals(e.type().code())) {
            throw new NotFoundException("health talk", eventId);
        }
        return e;
    }

    private long typeId() {
        return types.byCode(TYPE_CODE).map(EventTypeView::id)
                .orElseThrow(() -> new IllegalStateException("event type " + TYPE_CODE + " missing"));
    }

    private static TalkView view(EventView e, Talk t) {
        return new TalkView(e.id(), e.title(), e.startsAt(), e.place(), e.organiserUnitId(), e.organiserUnitName(),
                e.state(), t != null, t == null ? null : t.getTalkSetting(), t == null ? null : t.getTopic(),
                t == null ? null : t.getAudience(), t == null ? List.of() : t.speakerIdList(),
                t == null ? null : t.getSpeakerNames());
    }

    private static String detail(Talk t) {
        return t.getTalkSetting() + " " + t.getTopic() + " audience=" + t.getAudience();
    }
}
