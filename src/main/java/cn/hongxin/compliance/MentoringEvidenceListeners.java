package cn.hongxin.compliance;

import java.math.BigDecimal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.mentoring.CheckInRecorded;
import cn.hongxin.mentoring.HelpRecordLogged;
import cn.hongxin.mentoring.HelpRecordRetracted;

/**
 * Keeps the evidence ledger in step with the mentoring module: a help record counts for the pair's lead teacher,
 * a check-in for the student with its overall score as the quantity. Like {@link EvidenceListeners}, each
 * listener runs after the publishing transaction commits, from the event publication registry, and is
 * idempotent (keyed on the source), so a second delivery changes nothing.
 */
@Component
class MentoringEvidenceListeners {

    private final EvidenceLedger ledger;

    MentoringEvidenceListeners(EvidenceLedger ledger) {
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(HelpRecordLogged e) {
        ledger.record(SourceKind.HELP_RECORD, e.helpRecordId(), EvidenceKind.HELP_RECORD, SubjectType.PERSON,
                e.leadPersonId(), null, e.date(), BigDecimal.ONE);
    }

    @ApplicationModuleListener
    void on(HelpRecordRetracted e) {
        ledger.removeSource(SourceKind.HELP_RECORD, e.helpRecordId());
    }

    @ApplicationModuleListener
    void on(CheckInRecorded e) {
        ledger.record(SourceKind.CHECK_IN, e.checkInId(), EvidenceKind.CHECK_IN, SubjectType.PERSON,
                e.studentPersonId(), null, e.date(), e.score());
    }
}
