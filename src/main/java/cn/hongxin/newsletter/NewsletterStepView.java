package cn.hongxin.newsletter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** One recorded step of an issue: CREATED, SUBMITTED, RETURNED or ISSUED, by whom, with a comment. */
public record NewsletterStepView(String step, String actor, String comment, Instant at) {

    /** The time in the organisation's zone (Asia/Shanghai). */
    public LocalDateTime localAt() {
        return LocalDateTime.ofInstant(at, ZoneId.of("Asia/Shanghai"));
    }
}
