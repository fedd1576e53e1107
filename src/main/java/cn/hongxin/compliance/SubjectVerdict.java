package cn.hongxin.compliance;

import java.math.BigDecimal;

/**
 * One subject's verdict on a requirement.
 *
 * @param branchId the branch the subject belongs to (a person's branch, a branch itself; null for the organisation)
 * @param count    evidence rows counted
 * @param total    for a requirement on hours, the sum of their quantities; for a counted requirement, the count
 *                 (each row counts one, whatever its quantity)
 * @param progress what is compared with the threshold: the count, or the sum of hours
 */
public record SubjectVerdict(SubjectType subjectType, long subjectId, Long branchId, long count, BigDecimal total,
                             BigDecimal progress, Verdict verdict) {
}
