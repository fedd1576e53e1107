package cn.hongxin.organisation;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person holding a post in a party organisation, from {@code since} until {@code until} (open when null). */
@Entity
@Table(name = "post_assignment")
class PostAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long personId;
    private Long orgUnitId;
    @Enumerated(EnumType.STRING)
    private PartyPost post;
    private LocalDate since;
    private LocalDate until;

    protected PostAssignment() {
    }

    PostAssignment(Long personId, Long orgUnitId, PartyPost post, LocalDate since) {
        this.personId = personId;
        this.orgUnitId = orgUnitId;
        this.post = post;
        this.since = since;
    }

    void end(LocalDate on) {
        this.until = on;
    }

    Long getId() { return id; }
    Long getPersonId() { return personId; }
    Long getOrgUnitId() { return orgUnitId; }
    PartyPost getPost() { return post; }
    LocalDate getSince() { return since; }
    LocalDate getUntil() { return until; }
}
