package cn.hongxin.outreach;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A piece of the column in one issue: topic, author, state, the article file and when it appeared. */
@Entity
@Table(name = "column_piece")
class ColumnPiece {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long issueId;
    private long unitId;
    private String unitPath;
    private String topic;
    private long authorPersonId;
    private String authorName;
    @Enumerated(EnumType.STRING)
    private PieceState state;
    private Long fileId;
    private String fileName;
    private String contentType;
    private LocalDate publishedOn;
    private String lastReason;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected ColumnPiece() {
    }

    ColumnPiece(ColumnIssue issue, String createdBy) {
        this.issueId = issue.getId();
        this.unitId = issue.getUnitId();
        this.unitPath = issue.getUnitPath();
        this.state = PieceState.PLANNED;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void describe(ColumnIssue issue, String topic, long authorPersonId, String authorName) {
        this.issueId = issue.getId();
        this.unitId = issue.getUnitId();
        this.unitPath = issue.getUnitPath();
        this.topic = topic;
        this.authorPersonId = authorPersonId;
        this.authorName = authorName;
        this.updatedAt = Instant.now();
    }

    void attach(long fileId, String fileName, String contentType) {
        this.fileId = fileId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.updatedAt = Instant.now();
    }

    void moveTo(PieceState target, String reason, LocalDate publishedOn) {
        this.state = target;
        this.lastReason = reason;
        this.publishedOn = target == PieceState.PUBLISHED ? publishedOn : null;
        this.updatedAt = Instant.now();
    }

    ColumnPieceView toView(ColumnIssue issue) {
        return new ColumnPieceView(id, issueId, issue == null ? null : issue.getIssueNo(),
                issue == null ? null : issue.getIssueDate(), unitId, topic, authorPersonId, authorName, state, fileId,
                fileName, contentType, publishedOn, lastReason, version);
    }

    Long getId() { return id; }
    long getIssueId() { return issueId; }
    long getUnitId() { return unitId; }
    String getUnitPath() { return unitPath; }
    String getTopic() { return topic; }
    long getAuthorPersonId() { return authorPersonId; }
    PieceState getState() { return state; }
    Long getFileId() { return fileId; }
    LocalDate getPublishedOn() { return publishedOn; }
    long getVersion() { return version; }
}
