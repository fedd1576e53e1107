package cn.hongxin.events;

import java.time.Instant;
import java.time.LocalDate;

/** A resolution of a meeting with its follow-up state. */
public record ResolutionView(long id, long eventId, String content, Long assigneePersonId, String assigneeName,
                             LocalDate dueOn, ResolutionState state, Instant doneAt) {
}
