package cn.hongxin.organisation;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One dated transition of a person's political status. */
@Entity
@Table(name = "political_status_change")
class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long personId;
    @Enumerated(EnumType.STRING)
    private PoliticalStatus status;
    private LocalDate effectiveOn;
    private String note;
    private Instant recordedAt;
    private String recordedBy;

    protected StatusChange() {
    }

    StatusChange(Long personId, PoliticalStatus status, LocalDate effectiveOn, String note, String recordedBy) {
        this.personId = personId;
        this.status = status;
        this.effectiveOn = effectiveOn;
        this.note = note;
        this.recordedAt = Instant.now();
        this.recordedBy = recordedBy;
    }

    StatusChangeView toView() {
        return new StatusChangeView(status, effectiveOn, note, recordedBy);
    }
}
