package cn.hongxin.events;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One person's attendance at one event (unique per event and person). New rows are inserted by
 * {@link AttendanceRows#insertIfAbsent} so that raced sign-ins record one row; corrections go through here.
 */
@Entity
@Table(name = "attendance")
class Attendance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private Long personId;
    @Enumerated(EnumType.STRING)
    private AttendanceStatus status;
    private String reason;
    private Instant recordedAt;
    private String recordedBy;
    @Enumerated(EnumType.STRING)
    private AttendanceSource source;

    protected Attendance() {
    }

    void correct(AttendanceStatus status, String reason, String recordedBy, AttendanceSource source) {
        this.status = status;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.source = source;
        this.recordedAt = Instant.now();
    }

    Long getEventId() { return eventId; }
    Long getPersonId() { return personId; }
    AttendanceStatus getStatus() { return status; }
    String getReason() { return reason; }
    Instant getRecordedAt() { return recordedAt; }
    String getRecordedBy() { return recordedBy; }
    AttendanceSource getSource() { return source; }
}
