package cn.hongxin.events;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lecture's material: the id of a file kept by the files module. */
@Entity
@Table(name = "lecture_material")
class LectureMaterial {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private Long fileId;
    private String fileName;
    private Instant createdAt;
    private String createdBy;

    protected LectureMaterial() {
    }

    LectureMaterial(long eventId, long fileId, String fileName, String createdBy) {
        this.eventId = eventId;
        this.fileId = fileId;
        this.fileName = fileName;
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    Long getId() { return id; }
    Long getEventId() { return eventId; }
    Long getFileId() { return fileId; }
    String getFileName() { return fileName; }
}
