package cn.hongxin.compliance;

import java.math.BigDecimal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.outreach.ColumnArticlePublished;
import cn.hongxin.outreach.ColumnArticleRetracted;
import cn.hongxin.outreach.HealthTalkReached;

/**
 * Keeps the evidence ledger in step with the outreach module (健康你我他): column pieces published in the school
 * newspaper and the audiences health talks reached. Like {@link EvidenceListeners}, each listener runs after the
 * publishing transaction commits, from the event publication registry, and is idempotent (an upsert or a delete
 * keyed on the source), so a second delivery changes nothing. The talks themselves count as held through the
 * events module's EventClosed.
 */
@Component
class OutreachEvidenceListeners {

    /** The type code of column articles, as the programme's HEALTH_COLUMN_MONTHLY selects them. */
    static final String HEALTH_COLUMN = "HEALTH_COLUMN";
    /** The type code of talks' audiences: the event type of health talks. */
    static final String HEALTH_TALK = "HEALTH_TALK";

    private final EvidenceLedger ledger;

    OutreachEvidenceListeners(EvidenceLedger ledger) {
        this.ledger = ledger;
    }

    /** A column piece appeared: one article published by the column's unit. */
    @ApplicationModuleListener
    void on(ColumnArticlePublished e) {
        ledger.record(SourceKind.COLUMN_ARTICLE, e.pieceId(), EvidenceKind.ARTICLE_PUBLISHED, SubjectType.UNIT,
                e.unitId(), HEALTH_COLUMN, e.date(), BigDecimal.ONE);
    }

    /** Withdrawn: it counts no more (also when the withdrawal is delivered again). */
    @ApplicationModuleListener
    void on(ColumnArticleRetracted e) {
        ledger.removeSource(SourceKind.COLUMN_ARTICLE, e.pieceId());
    }

    /** People reached by a health talk; a corrected audience replaces the quantity. */
    @ApplicationModuleListener
    void on(HealthTalkReached e) {
        ledger.record(SourceKind.EVENT, e.eventId(), EvidenceKind.AUDIENCE_REACHED, SubjectType.UNIT,
                e.organiserUnitId(), HEALTH_TALK, e.date(), BigDecimal.valueOf(e.audience()));
    }
}
