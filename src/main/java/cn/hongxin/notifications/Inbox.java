package cn.hongxin.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.shared.NotFoundException;

/**
 * The in-app inbox. Other modules call {@link #notifyPerson} or {@link #notifyAccount} (inside their own
 * transaction, so a notification exists only if what it announces was committed); the signed-in account
 * reads its own notifications: those sent to its account and those sent to its person. Titles and bodies are
 * stored as given, in the sender's words (typically Chinese); someone else's notification is "not found".
 */
@Service
public class Inbox {

    public static final int PAGE_SIZE = 20;
    /** Stands in for "no person" in queries; ids are positive. */
    static final long NO_PERSON = -1;

    private final NotificationRepository notifications;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;

    Inbox(NotificationRepository notifications, CurrentUsers currentUsers, JdbcClient jdbc) {
        this.notifications = notifications;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
    }

    /**
     * As {@link #notifyPerson}, but at most once per {@code dedupKey}: the key names what is announced and
     * to whom ({@code event:12:cancelled:34}), so a retried save or a redelivered event sends nothing twice.
     * A raced second insert waits for the first and then does nothing.
     *
     * @param dedupKey at most 200 characters
     * @return whether this call wrote the notification
     */
    @Transactional
    public boolean notifyPersonOnce(long personId, String dedupKey, String kind, String title, String body,
                                    String link) {
        if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > 200) {
            throw new IllegalArgumentException("dedupKey must be 1 to 200 characters: " + dedupKey);
        }
        Notification n = valid(null, personId, kind, title, body, link);
        try {
            return jdbc.sql("""
                            insert into notification (recipient_account_id, recipient_person_id, kind, title, body,
                                                      link, created_at, dedup_key)
                            values (null, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(personId, n.getKind(), n.getTitle(), n.getBody(), n.getLink(),
                            Timestamp.from(n.getCreatedAt()), dedupKey)
                    .update() == 1;
        } catch (DataIntegrityViolationException raced) {
            // H2 may report the conflict with a concurrent, just-committed insert instead of skipping it.
            return false;
        }
    }

    /**
     * Sends a notification to a person; whichever account is linked to them sees it.
     *
     * @param kind  a short code chosen by the sender ({@code EVENT_PUBLISHED}), at most 40 characters
     * @param title shown in the list, at most 200 characters (longer is cut)
     * @param body  optional, at most 2000 characters (longer is cut)
     * @param link  optional path inside the application ({@code /events/12}); absolute URLs are refused
     * @return the notification's id
     */
    @Transactional
    public long notifyPerson(long personId, String kind, String title, String body, String link) {
        return save(null, personId, kind, title, body, link);
    }

    /** As {@link #notifyPerson}, to an account (for accounts without a person, such as administrators). */
    @Transactional
    public long notifyAccount(long accountId, String kind, String title, String body, String link) {
        return save(accountId, null, kind, title, body, link);
    }

    /** How many of the signed-in account's notifications are unread. */
    @Transactional(readOnly = true)
    public long unreadCount() {
        CurrentUser me = currentUsers.require();
        return notifications.countUnread(me.accountId(), personOf(me));
    }

    /** The signed-in account's notifications, newest first, {@value #PAGE_SIZE} a page. */
    @Transactional(readOnly = true)
    public Page<InboxItem> list(int page) {
        CurrentUser me = currentUsers.require();
        return notifications.findMine(me.accountId(), personOf(me), PageRequest.of(Math.max(page, 0), PAGE_SIZE))
                .map(Notification::toView);
    }

    /** Marks one of the signed-in account's notifications read; someone else's is not found. */
    @Transactional
    public InboxItem markRead(long id) {
        CurrentUser me = currentUsers.require();
        Notification n = notifications.findMine(id, me.accountId(), personOf(me))
                .orElseThrow(() -> new NotFoundException("notification", id));
        n.markRead(now());
        return n.toView();
    }

    /** Marks all of the signed-in account's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead() {
        CurrentUser me = currentUsers.require();
        return notifications.markAllRead(me.accountId(), personOf(me), now());
    }

    private long save(Long accountId, Long personId, String kind, String title, String body, String link) {
        return notifications.save(valid(accountId, personId, kind, title, body, link)).getId();
    }

    private static Notification valid(Long accountId, Long personId, String kind, String title, String body,
                                      String link) {
        if (kind == null || kind.isBlank() || kind.length() > 40) {
            throw new IllegalArgumentException("kind must be 1 to 40 characters: " + kind);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a notification needs a title");
        }
        if (link != null && !link.isBlank() && !isLocalPath(link)) {
            throw new IllegalArgumentException("link must be a path inside the application: " + link);
        }
        return new Notification(accountId, personId, kind, cut(title.strip(), 200),
                body == null || body.isBlank() ? null : cut(body.strip(), 2000),
                link == null || link.isBlank() ? null : link, now());
    }

    /** Only "/something" inside this application: no scheme, no "//host", no backslashes, at most 500 chars. */
    static boolean isLocalPath(String link) {
        return link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") && link.length() <= 500
                && link.chars().noneMatch(Character::isISOControl);
    }

    private static long personOf(CurrentUser me) {
        return me.personId() == null ? NO_PERSON : me.personId();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
