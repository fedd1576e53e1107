package cn.hongxin.events;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The hours one person served at a volunteer event (one row per person and event). */
@Entity
@Table(name = "volunteer_hours")
class VolunteerHours {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private Long personId;
    private String personName;
    private BigDecimal hours;
    private Instant recordedAt;
    private String recordedBy;

    protected VolunteerHours() {
    }

    VolunteerHours(long eventId, long personId, String personName) {
        this.eventId = eventId;
        this.personId = personId;
        this.personName = personName;
    }

    void set(BigDecimal hours, String recordedBy) {
        this.hours = hours;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now();
    }

    VolunteerHoursView toView() {
        return new VolunteerHoursView(personId, personName, hours, recordedAt, recordedBy);
    }
}
