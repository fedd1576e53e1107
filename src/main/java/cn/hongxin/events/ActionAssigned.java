package cn.hongxin.events;

import java.time.LocalDate;

/** A resolution's follow-up action was assigned to a person at an event. */
public record ActionAssigned(long eventId, String eventTitle, long resolutionId, String content,
                             long assigneePersonId, LocalDate dueOn) {
}
