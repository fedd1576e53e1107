package cn.hongxin.submissions;

import java.time.LocalDate;

/** A reviewer sent a submission back (退回) with a reason. */
public record SubmissionRejected(long submissionId, long personId, SubmissionKind kind, LocalDate date,
                                 String windowCode, String reason) {
}
