package cn.hongxin.events;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An attendee's rating (1–5) and comment on a lecture; one per person, editable. */
@Entity
@Table(name = "lecture_feedback")
class LectureFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private Long personId;
    private int rating;
    private String comment;
    private Instant createdAt;
    private Instant updatedAt;

    protected LectureFeedback() {
    }

    LectureFeedback(long eventId, long personId) {
        this.eventId = eventId;
        this.personId = personId;
        this.createdAt = Instant.now();
    }

    void set(int rating, String comment) {
        this.rating = rating;
        this.comment = comment;
        this.updatedAt = Instant.now();
    }

    LectureFeedbackView toView() {
        return new LectureFeedbackView(eventId, personId, rating, comment, createdAt, updatedAt);
    }

    Long getId() { return id; }
    Long getEventId() { return eventId; }
    Long getPersonId() { return personId; }
}
