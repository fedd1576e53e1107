package cn.hongxin.events;

import java.time.Instant;
import java.util.List;

/** An event was cancelled; {@code personIds} are its invitees. */
public record EventCancelled(long eventId, String title, Instant startsAt, List<Long> personIds) {
}
