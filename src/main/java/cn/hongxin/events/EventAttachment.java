package cn.hongxin.events;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo or document of an event: the id of a file kept by the files module, and what was detected of it. */
@Entity
@Table(name = "event_attachment")
class EventAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private Long fileId;
    @Enumerated(EnumType.STRING)
    private EventAttachmentKind kind;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private boolean thumbnail;
    private boolean cover;
    private Instant createdAt;
    private String createdBy;

    protected EventAttachment() {
    }

    EventAttachment(long eventId, long fileId, EventAttachmentKind kind, String fileName, String contentType,
                    long sizeBytes, boolean thumbnail, String createdBy) {
        this.eventId = eventId;
        this.fileId = fileId;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.thumbnail = thumbnail;
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    EventAttachmentView toView() {
        return new EventAttachmentView(id, eventId, fileId, kind, fileName, contentType, sizeBytes, thumbnail, cover,
                createdAt);
    }

    void setCover(boolean cover) {
        this.cover = cover;
    }

    Long getId() { return id; }
    Long getEventId() { return eventId; }
    Long getFileId() { return fileId; }
    EventAttachmentKind getKind() { return kind; }
    String getFileName() { return fileName; }
    boolean isCover() { return cover; }
}
