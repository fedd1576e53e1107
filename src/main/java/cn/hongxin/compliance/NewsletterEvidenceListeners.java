package cn.hongxin.compliance;

import java.math.BigDecimal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.newsletter.NewsletterIssued;

/**
 * Keeps the evidence ledger in step with the newsletter module: an issued newsletter issue counts for its
 * publishing unit on the day it was issued. Runs after the issuing transaction commits, from the event
 * publication registry; the upsert keyed on the issue makes a second delivery change nothing.
 */
@Component
class NewsletterEvidenceListeners {

    private final EvidenceLedger ledger;

    NewsletterEvidenceListeners(EvidenceLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(NewsletterIssued e) {
        ledger.record(SourceKind.NEWSLETTER_ISSUE, e.issueId(), EvidenceKind.NEWSLETTER_ISSUED, SubjectType.UNIT,
                e.unitId(), null, e.date(), BigDecimal.ONE);
    }
}
