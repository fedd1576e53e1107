package cn.hongxin.events;

import java.time.Instant;
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

/** A meeting, lecture or activity, organised by one org unit. */
@Entity
@Table(name = "event")
class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long typeId;
    private Long organiserUnitId;
    private String organiserUnitPath;
    private String organiserUnitName;
    private String title;
    private Long hostPersonId;
    private String hostName;
    private Long speakerPersonId;
    private String speakers;
    private Instant startsAt;
    private Instant endsAt;
    private String place;
    private String agenda;
    @Enumerated(EnumType.STRING)
    private EventState state;
    private String summary;
    private String tags;
    private String minutes;
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;
    @Version
    private int version;
    private boolean walkInsOpen;
    private String clientRequestId;

    protected Event() {
    }

    Event(String createdBy) {
        this.state = EventState.PLANNED;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        this.createdBy = createdBy;
    }

    void describe(long typeId, long organiserUnitId, String organiserUnitPath, String organiserUnitName, String title, Long hostPersonId,
                  String hostName, Long speakerPersonId, String speakers, Instant startsAt, Instant endsAt,
                  String place, String agenda, Set<ThreeCombination> tags) {
        this.typeId = typeId;
        this.organiserUnitId = organiserUnitId;
        this.organiserUnitPath = organiserUnitPath;
        this.organiserUnitName = organiserUnitName;
        this.title = title;
        this.hostPersonId = hostPersonId;
        this.hostName = hostName;
        this.speakerPersonId = speakerPersonId;
        this.speakers = speakers;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.agenda = agenda;
        this.tags = tags == null || tags.isEmpty() ? null
                : tags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        touch();
    }

    void moveTo(EventState next) {
        this.state = next;
        touch();
    }

    void writeMinutes(String minutes, String summary) {
        this.minutes = minutes;
        this.summary = summary;
        touch();
    }

    void touch() {
        this.updatedAt = Instant.now();
    }

    Set<ThreeCombination> tagSet() {
        if (tags == null || tags.isBlank()) {
            return EnumSet.noneOf(ThreeCombination.class);
        }
        return Arrays.stream(tags.split(",")).map(ThreeCombination::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ThreeCombination.class)));
    }

    Long getId() { return id; }
    Long getTypeId() { return typeId; }
    Long getOrganiserUnitId() { return organiserUnitId; }
    String getOrganiserUnitPath() { return organiserUnitPath; }
    String getOrganiserUnitName() { return organiserUnitName; }
    String getTitle() { return title; }
    Long getHostPersonId() { return hostPersonId; }
    String getHostName() { return hostName; }
    Long getSpeakerPersonId() { return speakerPersonId; }
    String getSpeakers() { return speakers; }
    Instant getStartsAt() { return startsAt; }
    Instant getEndsAt() { return endsAt; }
    String getPlace() { return place; }
    String getAgenda() { return agenda; }
    EventState getState() { return state; }
    String getSummary() { return summary; }
    String getMinutes() { return minutes; }
    Instant getCreatedAt() { return createdAt; }
    String getCreatedBy() { return createdBy; }

    void requestedAs(String clientRequestId) { this.clientRequestId = clientRequestId; }
    Instant getUpdatedAt() { return updatedAt; }

    /** Whether a signed-in person who was not invited may sign in (a walk-in); see {@link EventCategory#walkInsByDefault}. */
    boolean isWalkInsOpen() { return walkInsOpen; }

    void openToWalkIns(boolean open) {
        this.walkInsOpen = open;
    }
}
