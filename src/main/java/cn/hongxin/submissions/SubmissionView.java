package cn.hongxin.submissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A submission as its author and its reviewers see it. */
public record SubmissionView(long id, long personId, String personName, String unitName, SubmissionKind kind,
                             String title, String bookTitle, String bookAuthor, String body, Long fileId,
                             BigDecimal hours, LocalDate activityDate, String windowCode, Long eventId,
                             SubmissionState state, String reviewerAccount, Instant reviewedAt, String rejectReason,
                             Instant createdAt) {
}
