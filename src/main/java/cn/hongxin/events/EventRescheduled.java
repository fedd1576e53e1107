package cn.hongxin.events;

import java.time.Instant;
import java.util.List;

/**
 * An open event's time or place changed; {@code personIds} are the invitees who were already invited
 * before the change, {@code changedAt} tells this change from a later one.
 */
public record EventRescheduled(long eventId, String title, Instant startsAt, Instant endsAt, String place,
                               Instant previousStartsAt, String previousPlace, List<Long> personIds,
                               Instant changedAt) {
}
