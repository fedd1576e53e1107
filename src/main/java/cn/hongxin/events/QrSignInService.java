package cn.hongxin.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * 扫码签到: the projector shows a QR code of a short-lived signed token ({@link SignInTokens}); a member scans it,
 * sees the event and confirms, which calls {@link EventService#signIn} for their own person (idempotent: a
 * retried confirmation answers the same attendance). Holding a valid token is what lets a signed-in member see
 * the event's title, time and place; whether they may sign in is still decided by {@code signIn} (invitees, and
 * anybody with a person record when the event is open to walk-ins).
 */
@Service
public class QrSignInService {

    private static final Set<AttendanceStatus> ATTENDED = EnumSet.of(AttendanceStatus.PRESENT, AttendanceStatus.LATE);

    /**
     * What the phone shows before the member confirms; {@code walkIn}: not invited, but the event is open to
     * walk-ins, so confirming adds the member to the roll-call.
     */
    public record Preview(long eventId, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                          String organiserUnitName, boolean signedIn, boolean walkIn) {
    }

    /** The projector's live count: 已签到 attended / 应到 invited, latest names first. */
    public record Count(long attended, long invited, List<String> latest) {
    }

    /** A confirmed sign-in: the event and the attendance ({@code newlyRecorded} false for a repeat). */
    public record Confirmed(Preview event, AttendanceView attendance) {
    }

    /** A fresh token for the projector and when it stops being accepted. */
    public record Issued(long eventId, String token, Instant expiresAt) {
    }

    private final EventService events;
    private final EventRepository eventRepository;
    private final ParticipantRepository participants;
    private final AttendanceRepository attendances;
    private final EventScope scope;
    private final SignInTokens tokens;
    private final AttendanceRows attendanceRows;

    QrSignInService(EventService events, EventRepository eventRepository, ParticipantRepository participants,
                    AttendanceRepository attendances, EventScope scope, SignInTokens tokens,
                    AttendanceRows attendanceRows) {
        this.events = events;
        this.eventRepository = eventRepository;
        this.participants = participants;
        this.attendances = attendances;
        this.scope = scope;
        this.tokens = tokens;
        this.attendanceRows = attendanceRows;
    }

    /** A token for an event under way, for an organiser in scope ({@code event:edit}). */
    @Transactional(readOnly = true)
    public Issued issue(long eventId) {
        Event e = editable(eventId);
        if (e.getState() != EventState.UNDER_WAY) {
            throw new UserFacingException("event.qr.notUnderWay");
        }
        String token = tokens.issue(eventId);
        long issuedAt = Long.parseLong(token.split("\\.")[1]);
        return new Issued(eventId, token, Instant.ofEpochSecond(issuedAt).plus(tokens.validity()));
    }

    @Transactional(readOnly = true)
    public Count count(long eventId) {
        editable(eventId);
        List<String> latest = attendances.findTop8ByEventIdAndStatusInOrderByRecordedAtDescIdDesc(eventId, ATTENDED)
                .stream().map(a -> participants.findByEventIdAndPersonId(eventId, a.getPersonId())
                        .map(Participant::getPersonName).orElse("#" + a.getPersonId()))
                .toList();
        return new Count(attendances.countByEventIdAndStatusIn(eventId, ATTENDED), participants.countByEventId(eventId),
                latest);
    }

    /** Checks the token and says what the member is about to sign in to; records nothing. */
    public Preview preview(String token) {
        return preview(token, false);
    }

    /**
     * As {@link #preview(String)}; {@code afterLogin}: this phone's session held the token while it was valid and
     * was then sent to log in, so the login grace of ADR 0006 applies.
     */
    public Preview preview(String token, boolean afterLogin) {
        long eventId = tokens.verify(token, null, afterLogin);
        Long personId = personOfCaller();
        // One statement, no transaction: the page only shows what it read (the confirmation decides).
        AttendanceRows.Target e = attendanceRows.target(eventId, personId)
                .orElseThrow(() -> new UserFacingException("event.qr.token.invalid"));
        boolean walkIn = !e.invited();
        if (walkIn && !e.walkInsOpen()) {
            throw new UserFacingException("event.qr.notInvited");
        }
        if (!e.state().open()) {
            throw new UserFacingException("event.signIn.closed");
        }
        boolean signedIn = e.signedIn();
        return preview(e, signedIn, walkIn && !signedIn);
    }

    private static Preview preview(AttendanceRows.Target e, boolean signedIn, boolean walkIn) {
        return new Preview(e.eventId(), e.title(), local(e.startsAt()), local(e.endsAt()), e.place(),
                e.organiserUnitName(), signedIn, walkIn);
    }

    /**
     * Signs the caller in with a token (of {@code expectedEventId} when given). Idempotent: a retry answers the
     * same attendance with {@code newlyRecorded = false}.
     */
    @Transactional
    public Confirmed confirm(String token, Long expectedEventId) {
        return confirm(token, expectedEventId, false);
    }

    /** As {@link #confirm(String, Long)}, with the login grace of ADR 0006 when {@code afterLogin}. */
    @Transactional
    public Confirmed confirm(String token, Long expectedEventId, boolean afterLogin) {
        long eventId = tokens.verify(token, expectedEventId, afterLogin);
        Long personId = personOfCaller();
        AttendanceView attendance;
        AttendanceRows.Target e;
        try {
            e = attendanceRows.target(eventId, personId).orElseThrow(() -> new NotFoundException("event", eventId));
            attendance = events.signIn(e, personId, AttendanceSource.QR);
        } catch (NotFoundException notVisible) {
            throw new UserFacingException("event.qr.notInvited");
        }
        return new Confirmed(preview(e, true, false), attendance);
    }

    private Long personOfCaller() {
        CurrentUser user = scope.user();
        if (user.personId() == null) {
            throw new UserFacingException("event.signIn.noPerson");
        }
        return user.personId();
    }

    private Event editable(long id) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        return eventRepository.findById(id).filter(e -> scope.within(user, Permission.EVENT_EDIT, e))
                .orElseThrow(() -> new NotFoundException("event", id));
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, EventService.ZONE);
    }
}
