package cn.hongxin.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.hongxin.notifications.Inbox;

/**
 * Tells invitees through the in-app inbox that an event was scheduled for them, moved or cancelled, and
 * a resolution's assignee that an action was assigned to them. It listens synchronously, inside the
 * transaction that made the change, so a notification exists exactly when the change was committed; each
 * carries a key naming the change and the recipient, so a retried save sends nothing twice. Texts are
 * stored in Chinese, the organisation's language, and link to the event's page.
 */
@Component
class EventNotices {

    static final String SCHEDULED = "EVENT_SCHEDULED";
    static final String RESCHEDULED = "EVENT_RESCHEDULED";
    static final String CANCELLED = "EVENT_CANCELLED";
    static final String ACTION = "ACTION_ASSIGNED";

    private static final Locale STORED = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Inbox inbox;
    private final MessageSource messages;

    EventNotices(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @EventListener
    void on(EventScheduled e) {
        if (e.startsAt().isBefore(Instant.now())) {
            return; // recorded afterwards: nothing to attend
        }
        String title = text("event.notice.scheduled.title", e.title());
        String body = text("event.notice.scheduled.body", when(e.startsAt()), place(e.place()));
        e.personIds().forEach(p -> inbox.notifyPersonOnce(p, "event:" + e.eventId() + ":invited:" + p, SCHEDULED,
                title, body, link(e.eventId())));
    }

    /** A whole series is announced once, linked to its first new lecture. */
    @EventListener
    void on(LectureSeriesScheduled e) {
        String title = text("event.notice.series.title", e.name());
        String body = text("event.notice.series.body", e.lectures(), when(e.firstStartsAt()), place(e.place()));
        e.personIds().forEach(p -> inbox.notifyPersonOnce(p, "series:" + e.seriesId() + ":" + e.firstEventId() + ":" + p,
                SCHEDULED, title, body, link(e.firstEventId())));
    }

    @EventListener
    void on(EventRescheduled e) {
        String title = text("event.notice.rescheduled.title", e.title());
        String body = text("event.notice.rescheduled.body", when(e.startsAt()), place(e.place()),
                when(e.previousStartsAt()), place(e.previousPlace()));
        String change = "event:" + e.eventId() + ":moved:" + e.changedAt().toEpochMilli() + ":";
        e.personIds().forEach(p -> inbox.notifyPersonOnce(p, change + p, RESCHEDULED, title, body, link(e.eventId())));
    }

    @EventListener
    void on(EventCancelled e) {
        String title = text("event.notice.cancelled.title", e.title());
        String body = text("event.notice.cancelled.body", when(e.startsAt()));
        e.personIds().forEach(p -> inbox.notifyPersonOnce(p, "event:" + e.eventId() + ":cancelled:" + p, CANCELLED,
                title, body, link(e.eventId())));
    }

    /** Keyed by event, assignee and the action's text: the same action saved twice is announced once. */
    @EventListener
    void on(ActionAssigned e) {
        String title = text("event.notice.action.title", e.eventTitle());
        String body = e.dueOn() == null ? e.content() : text("event.notice.action.body", e.content(), e.dueOn());
        String key = "action:" + e.eventId() + ":" + CalendarFeedService.sha256Hex(e.content()).substring(0, 32)
                + ":" + e.assigneePersonId();
        inbox.notifyPersonOnce(e.assigneePersonId(), key, ACTION, title, body, link(e.eventId()) + "#event-minutes");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, STORED);
    }

    private String place(String place) {
        return place == null || place.isBlank() ? text("event.notice.noPlace") : place;
    }

    private static String when(Instant at) {
        return at == null ? "—" : WHEN.format(at.atZone(EventService.ZONE));
    }

    private static String link(long eventId) {
        return "/events/" + eventId;
    }
}
