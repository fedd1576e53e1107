package cn.hongxin.submissions;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A submission that had been verified was sent back: whatever counted it (activity tallies, volunteer
 * hours — {@code hours} is set for those) must count it no more. Published besides {@link SubmissionRejected}.
 */
public record SubmissionRetracted(long submissionId, long personId, SubmissionKind kind, LocalDate date,
                                  String windowCode, BigDecimal hours) {
}
