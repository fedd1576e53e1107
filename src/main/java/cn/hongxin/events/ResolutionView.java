package cn.hongxin.events;

import java.time.Instant;
import java.time.LocalDate;

/** A resolution of a meeting with its follow-up state. */
public record ResolutionView(long id, long eventId, String content, Long assigneePersonId, String assigneeName,
                             LocalDate dueOn, ResolutionState state, Instant doneAt) {

    /** The day it was done (Asia/Shanghai), null while open. */
    public LocalDate doneOn() {
        return doneAt == null ? null : doneAt.atZone(EventService.ZONE).toLocalDate();
    }

    /** Whether it was done after its due day. */
    public boolean late() {
        return doneAt != null && dueOn != null && doneOn().isAfter(dueOn);
    }
}
