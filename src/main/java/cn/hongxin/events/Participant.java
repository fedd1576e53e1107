package cn.hongxin.events;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person the invitation resolved to: one line of the roll-call. */
@Entity
@Table(name = "event_participant")
class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private Long personId;
    private String personName;
    private boolean walkIn;

    protected Participant() {
    }

    Participant(long eventId, long personId, String personName) {
        this.eventId = eventId;
        this.personId = personId;
        this.personName = personName;
    }

    Long getEventId() { return eventId; }
    Long getPersonId() { return personId; }
    String getPersonName() { return personName; }
    /** Came without an invitation to an event open to walk-ins; re-resolving the invitation keeps the line. */
    boolean isWalkIn() { return walkIn; }
}
