package cn.hongxin.events;

import java.time.Instant;

/** A calendar subscription as its owner sees it (never the secret, which is shown once). */
public record CalendarFeedView(long id, CalendarFeedScope scope, Long orgUnitId, String orgUnitName,
                               Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
