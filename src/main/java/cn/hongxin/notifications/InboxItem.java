package cn.hongxin.notifications;

import java.time.Instant;

/**
 * A notification as its recipient sees it.
 *
 * @param kind what it is about, chosen by the sending module (e.g. {@code EVENT_PUBLISHED})
 * @param link a path inside the application to open, or {@code null}
 * @param readAt when it was read; {@code null} while unread
 */
public record InboxItem(long id, String kind, String title, String body, String link, Instant createdAt,
                        Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
