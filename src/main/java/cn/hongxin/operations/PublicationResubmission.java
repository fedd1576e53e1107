package cn.hongxin.operations;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the event publications left incomplete for longer than {@code hongxin.events.resubmit-after}
 * (10 minutes): a listener that failed (the database away for a moment), a crash between a business transaction
 * and its listener, a completion lost with the batch it was queued in. Every listener is idempotent (ADR 0008),
 * so a publication delivered twice changes nothing. Runs every {@code hongxin.events.resubmit-interval}
 * (5 minutes), on one instance at a time (ShedLock), and once shortly after a start.
 */
@Component
public class PublicationResubmission {

    private static final Logger log = LoggerFactory.getLogger(PublicationResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final Duration after;

    PublicationResubmission(IncompleteEventPublications incomplete,
                            @Value("${hongxin.events.resubmit-after:PT10M}") Duration after) {
        this.incomplete = incomplete;
        this.after = after;
    }

    /** The job: every publication incomplete for longer than the configured time is delivered again. */
    @Scheduled(initialDelayString = "${hongxin.events.resubmit-initial-delay:PT1M}",
            fixedDelayString = "${hongxin.events.resubmit-interval:PT5M}")
    @SchedulerLock(name = "event-publication-resubmission", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void resubmitStale() {
        resubmitOlderThan(after);
    }

    /** Delivers again every publication incomplete for longer than {@code age}. */
    public void resubmitOlderThan(Duration age) {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(age);
        } catch (RuntimeException e) {
            log.warn("incomplete event publications could not be delivered again, next try in the next run: {}",
                    e.getMessage());
        }
    }
}
