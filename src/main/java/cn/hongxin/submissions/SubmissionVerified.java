package cn.hongxin.submissions;

import java.time.LocalDate;

/** A reviewer passed (通过) a submission: it now counts as evidence of the activity on {@code date}. */
public record SubmissionVerified(long submissionId, long personId, SubmissionKind kind, LocalDate date,
                                 String windowCode) {
}
