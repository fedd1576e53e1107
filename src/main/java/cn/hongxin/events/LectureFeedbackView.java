package cn.hongxin.events;

import java.time.Instant;

/** One attendee's feedback on a lecture. */
public record LectureFeedbackView(long eventId, long personId, int rating, String comment, Instant createdAt,
                                  Instant updatedAt) {
}
