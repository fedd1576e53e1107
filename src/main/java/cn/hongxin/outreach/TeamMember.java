package cn.hongxin.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member of a unit's health lecture team. */
@Entity
@Table(name = "outreach_team_member")
class TeamMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long unitId;
    private String unitPath;
    private String unitName;
    private long personId;
    private String personName;
    @Enumerated(EnumType.STRING)
    private TeamRole teamRole;
    private String specialities;
    private LocalDate joinedOn;
    private boolean active;
    private String note;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected TeamMember() {
    }

    TeamMember(long unitId, String unitPath, String unitName, long personId, String personName, String createdBy) {
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.unitName = unitName;
        this.personId = personId;
        this.personName = personName;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        this.active = true;
    }

    void describe(TeamRole role, Set<Speciality> specialities, LocalDate joinedOn, String note) {
        this.teamRole = role;
        this.specialities = specialities.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.joinedOn = joinedOn;
        this.note = note;
        this.updatedAt = Instant.now();
    }

    void setActive(boolean active) {
        this.active = active;
        this.updatedAt = Instant.now();
    }

    Set<Speciality> specialitySet() {
        if (specialities == null || specialities.isBlank()) {
            return EnumSet.noneOf(Speciality.class);
        }
        return Arrays.stream(specialities.split(",")).map(Speciality::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Speciality.class)));
    }

    TeamMemberView toView() {
        return new TeamMemberView(id, unitId, unitName, personId, personName, teamRole, specialitySet(), joinedOn,
                active, note);
    }

    Long getId() { return id; }
    long getUnitId() { return unitId; }
    String getUnitPath() { return unitPath; }
    long getPersonId() { return personId; }
    String getPersonName() { return personName; }
    TeamRole getTeamRole() { return teamRole; }
    boolean isActive() { return active; }
}
