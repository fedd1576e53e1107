package cn.hongxin.submissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One submission; the submitter's place in the org tree is kept beside it for the data scope. */
@Entity
@Table(name = "submission")
class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long personId;
    private String personName;
    private String unitName;
    private String branchPath;
    private String adminPath;
    @Enumerated(EnumType.STRING)
    private SubmissionKind kind;
    private String title;
    private String bookTitle;
    private String bookAuthor;
    private String body;
    private Long fileId;
    @Column(precision = 6, scale = 2)
    private BigDecimal hours;
    private LocalDate activityDate;
    private String windowCode;
    private Long eventId;
    @Enumerated(EnumType.STRING)
    private SubmissionState state;
    private Long reviewerPersonId;
    private String reviewerAccount;
    private Instant reviewedAt;
    private String rejectReason;
    private String clientRequestId;
    private Instant createdAt;
    @Version
    private long version;

    protected Submission() {
    }

    Submission(long personId, String personName, String unitName, String branchPath, String adminPath,
               String clientRequestId, NewSubmission cmd) {
        this.personId = personId;
        this.personName = personName;
        this.unitName = unitName;
        this.branchPath = branchPath;
        this.adminPath = adminPath;
        this.clientRequestId = clientRequestId;
        this.kind = cmd.kind();
        this.title = cmd.title();
        this.bookTitle = cmd.bookTitle();
        this.bookAuthor = cmd.bookAuthor();
        this.body = cmd.body();
        this.fileId = cmd.fileId();
        this.hours = cmd.hours();
        this.activityDate = cmd.activityDate();
        this.windowCode = cmd.windowCode();
        this.eventId = cmd.eventId();
        this.state = SubmissionState.SUBMITTED;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    void verify(Long reviewerPersonId, String reviewerAccount) {
        review(SubmissionState.VERIFIED, reviewerPersonId, reviewerAccount);
        this.rejectReason = null;
    }

    void reject(Long reviewerPersonId, String reviewerAccount, String reason) {
        review(SubmissionState.REJECTED, reviewerPersonId, reviewerAccount);
        this.rejectReason = reason;
    }

    private void review(SubmissionState to, Long reviewerPersonId, String reviewerAccount) {
        this.state = to;
        this.reviewerPersonId = reviewerPersonId;
        this.reviewerAccount = reviewerAccount;
        this.reviewedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    SubmissionView toView() {
        return new SubmissionView(id, personId, personName, unitName, kind, title, bookTitle, bookAuthor, body,
                fileId, hours, activityDate, windowCode, eventId, state, reviewerAccount, reviewedAt, rejectReason,
                createdAt);
    }

    Long getId() { return id; }
    long getPersonId() { return personId; }
    SubmissionKind getKind() { return kind; }
    SubmissionState getState() { return state; }
    BigDecimal getHours() { return hours; }
    LocalDate getActivityDate() { return activityDate; }
    String getWindowCode() { return windowCode; }
    String getBranchPath() { return branchPath; }
    String getAdminPath() { return adminPath; }
    String getPersonName() { return personName; }
}
