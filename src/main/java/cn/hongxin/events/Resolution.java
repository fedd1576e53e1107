package cn.hongxin.events;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A decision of a meeting and its follow-up action. */
@Entity
@Table(name = "resolution")
class Resolution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private String content;
    private Long assigneePersonId;
    private String assigneeName;
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    private ResolutionState state;
    private Instant createdAt;
    private Instant doneAt;

    protected Resolution() {
    }

    Resolution(long eventId, String content, Long assigneePersonId, String assigneeName, LocalDate dueOn) {
        this.eventId = eventId;
        this.content = content;
        this.assigneePersonId = assigneePersonId;
        this.assigneeName = assigneeName;
        this.dueOn = dueOn;
        this.state = ResolutionState.OPEN;
        this.createdAt = Instant.now();
    }

    void setState(ResolutionState state) {
        this.state = state;
        this.doneAt = state == ResolutionState.DONE ? Instant.now() : null;
    }

    /** Done at the given moment (a follow-up recorded after the fact, on the day it was done). */
    void markDone(Instant at) {
        this.state = ResolutionState.DONE;
        this.doneAt = at;
    }

    Long getId() { return id; }
    Long getEventId() { return eventId; }

    ResolutionView toView() {
        return new ResolutionView(id, eventId, content, assigneePersonId, assigneeName, dueOn, state, doneAt);
    }
}
