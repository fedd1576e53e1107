package cn.hongxin.newsletter;

import java.time.LocalDate;

/** An issue was signed off and issued by its publishing unit on the given day. */
public record NewsletterIssued(long issueId, long unitId, LocalDate date) {
}
