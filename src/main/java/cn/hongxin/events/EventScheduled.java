package cn.hongxin.events;

import java.time.Instant;
import java.util.List;

/**
 * People were invited to an event: all invitees when it is scheduled, the newly added ones when an edit
 * widens the invitation.
 */
public record EventScheduled(long eventId, String title, Instant startsAt, String place, List<Long> personIds) {
}
