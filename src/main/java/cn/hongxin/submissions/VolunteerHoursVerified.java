package cn.hongxin.submissions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Claimed volunteer hours were verified; published besides {@link SubmissionVerified}. */
public record VolunteerHoursVerified(long submissionId, long personId, BigDecimal hours, LocalDate date) {
}
