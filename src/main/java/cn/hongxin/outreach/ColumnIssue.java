package cn.hongxin.outreach;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An issue (期) of the school newspaper carrying the column of a unit. */
@Entity
@Table(name = "column_issue")
class ColumnIssue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long unitId;
    private String unitPath;
    private String unitName;
    private String issueNo;
    private LocalDate issueDate;
    private String note;
    private String createdBy;
    private Instant createdAt;

    protected ColumnIssue() {
    }

    ColumnIssue(long unitId, String unitPath, String unitName, String issueNo, LocalDate issueDate, String note,
                String createdBy) {
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.unitName = unitName;
        this.issueNo = issueNo;
        this.issueDate = issueDate;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    ColumnIssueView toView() {
        return new ColumnIssueView(id, unitId, unitName, issueNo, issueDate, note);
    }

    Long getId() { return id; }
    long getUnitId() { return unitId; }
    String getUnitPath() { return unitPath; }
    String getIssueNo() { return issueNo; }
    LocalDate getIssueDate() { return issueDate; }
}
