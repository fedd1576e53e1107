package cn.hongxin.outreach;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What the outreach module keeps of a health talk, keyed by the event's id. */
@Entity
@Table(name = "outreach_talk")
class Talk {

    @Id
    private Long eventId;
    private long organiserUnitId;
    @Enumerated(EnumType.STRING)
    private TalkSetting talkSetting;
    private String topic;
    private Integer audience;
    private String speakerIds;
    private String speakerNames;
    private String clientRequestId;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Talk() {
    }

    Talk(long eventId, long organiserUnitId, String clientRequestId, String createdBy) {
        this.eventId = eventId;
        this.organiserUnitId = organiserUnitId;
        this.clientRequestId = clientRequestId;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void describe(TalkSetting setting, String topic, Integer audience, List<Long> speakerIds, String speakerNames) {
        this.talkSetting = setting;
        this.topic = topic;
        this.audience = audience;
        this.speakerIds = String.join(",", speakerIds.stream().map(String::valueOf).toList());
        this.speakerNames = speakerNames;
        this.updatedAt = Instant.now();
    }

    List<Long> speakerIdList() {
        return speakerIds == null || speakerIds.isBlank() ? List.of()
                : Arrays.stream(speakerIds.split(",")).map(Long::valueOf).toList();
    }

    Long getEventId() { return eventId; }
    long getOrganiserUnitId() { return organiserUnitId; }
    TalkSetting getTalkSetting() { return talkSetting; }
    String getTopic() { return topic; }
    Integer getAudience() { return audience; }
    String getSpeakerNames() { return speakerNames; }
}
