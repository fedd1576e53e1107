package cn.hongxin.compliance;

import java.math.BigDecimal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.publishing.ArticlePublished;
import cn.hongxin.publishing.ArticleUnpublished;

/**
 * Keeps the evidence ledger in step with the publishing module: a published article counts for its owning unit as
 * ARTICLE_PUBLISHED of type WECHAT (the articles are the WeChat platform carrier's content); a withdrawn one counts
 * no more. Like {@link EvidenceListeners}, each listener runs after the publishing transaction commits, from the
 * event publication registry, and is idempotent (an upsert or a delete keyed on the article).
 */
@Component
class PublishingEvidenceListeners {

    static final String WECHAT = "WECHAT";

    private final EvidenceLedger ledger;

    PublishingEvidenceListeners(EvidenceLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(ArticlePublished e) {
        ledger.record(SourceKind.ARTICLE, e.articleId(), EvidenceKind.ARTICLE_PUBLISHED, SubjectType.UNIT, e.unitId(),
                WECHAT, e.date(), BigDecimal.ONE);
    }

    /** Withdrawn from the site: whatever of it counted counts no more. */
    @ApplicationModuleListener
    void on(ArticleUnpublished e) {
        ledger.removeSource(SourceKind.ARTICLE, e.articleId());
    }
}
