package cn.hongxin.compliance;

import java.math.BigDecimal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.events.AttendanceRecorded;
import cn.hongxin.events.AttendanceRetracted;
import cn.hongxin.events.EventCancelled;
import cn.hongxin.events.EventClosed;
import cn.hongxin.events.EventRescheduled;
import cn.hongxin.events.EventService;
import cn.hongxin.events.LectureGiven;
import cn.hongxin.events.VolunteerHoursRecorded;
import cn.hongxin.submissions.SubmissionKind;
import cn.hongxin.submissions.SubmissionRejected;
import cn.hongxin.submissions.SubmissionRetracted;
import cn.hongxin.submissions.SubmissionVerified;
import cn.hongxin.submissions.VolunteerHoursVerified;

/**
 * Keeps the evidence ledger in step with the events and submissions modules. Each listener runs after the
 * publishing transaction commits, in its own transaction, from the event publication registry: a crash between
 * the two leaves the publication incomplete and it is delivered again. Every listener is idempotent (an upsert
 * or a delete keyed on the source), so a second delivery changes nothing.
 */
@Component
class EvidenceListeners {

    private final EvidenceLedger ledger;
    private final EvidenceGroupCommit groupCommit;

    EvidenceListeners(EvidenceLedger ledger, EvidenceGroupCommit groupCommit) {
        this.ledger = ledger;
        this.groupCommit = groupCommit;
    }

    /**
     * Present or late counts as attendance; a correction to excused or absent removes it. A meeting's members sign
     * in together, so these writes go through the group commit (one transaction for those that arrive together)
     * instead of a transaction each; like any module listener, it runs asynchronously after the sign-in commits.
     */
    @Async
    @TransactionalEventListener
    void on(AttendanceRecorded e) {
        groupCommit.run(() -> {
            if (e.status() != null && e.status().attended()) {
                ledger.record(SourceKind.EVENT, e.eventId(), EvidenceKind.ATTENDED, SubjectType.PERSON, e.personId(),
                        e.eventTypeCode(), e.date(), BigDecimal.ONE);
            } else {
                ledger.remove(SourceKind.EVENT, e.eventId(), EvidenceKind.ATTENDED, SubjectType.PERSON, e.personId());
            }
        });
    }

    @ApplicationModuleListener
    void on(AttendanceRetracted e) {
        ledger.remove(SourceKind.EVENT, e.eventId(), EvidenceKind.ATTENDED, SubjectType.PERSON, e.personId());
    }

    @ApplicationModuleListener
    void on(LectureGiven e) {
        ledger.record(SourceKind.EVENT, e.eventId(), EvidenceKind.LECTURE_GIVEN, SubjectType.PERSON,
                e.speakerPersonId(), e.eventTypeCode(), e.date(), BigDecimal.ONE);
    }

    /** Hours at a volunteer event: recording them again replaces the quantity. */
    @ApplicationModuleListener
    void on(VolunteerHoursRecorded e) {
        ledger.record(SourceKind.EVENT, e.eventId(), EvidenceKind.VOLUNTEER_HOURS, SubjectType.PERSON, e.personId(),
                e.eventTypeCode(), e.date(), e.hours());
    }

    /** A closed event was held by its organiser unit. */
    @ApplicationModuleListener
    void on(EventClosed e) {
        ledger.record(SourceKind.EVENT, e.eventId(), EvidenceKind.EVENT_HELD, SubjectType.UNIT, e.organiserUnitId(),
                e.eventTypeCode(), e.date(), BigDecimal.ONE);
    }

    /**
     * A cancelled event did not take place: whatever its sign-ins or roll-call had recorded (an event can be
     * cancelled while under way) counts no more.
     */
    @ApplicationModuleListener
    void on(EventCancelled e) {
        ledger.removeSource(SourceKind.EVENT, e.eventId());
    }

    /** An event moved to another day: its evidence moves with it, into the period of the new day. */
    @ApplicationModuleListener
    void on(EventRescheduled e) {
        ledger.redateSource(SourceKind.EVENT, e.eventId(), e.startsAt().atZone(EventService.ZONE).toLocalDate());
    }

    /** Type: the submission kind (READING_NOTE, POSTER …); the window follows from the activity date. */
    @ApplicationModuleListener
    void on(SubmissionVerified e) {
        ledger.record(SourceKind.SUBMISSION, e.submissionId(), EvidenceKind.SUBMISSION_VERIFIED, SubjectType.PERSON,
                e.personId(), e.kind().name(), e.date(), BigDecimal.ONE);
    }

    /** Claimed hours, once verified; type: the submission kind. */
    @ApplicationModuleListener
    void on(VolunteerHoursVerified e) {
        ledger.record(SourceKind.SUBMISSION, e.submissionId(), EvidenceKind.VOLUNTEER_HOURS, SubjectType.PERSON,
                e.personId(), SubmissionKind.VOLUNTEER_HOURS.name(), e.date(), e.hours());
    }

    @ApplicationModuleListener
    void on(SubmissionRetracted e) {
        ledger.removeSource(SourceKind.SUBMISSION, e.submissionId());
    }

    /** Sent back: whatever of it counted counts no more (also when its retraction is delivered late). */
    @ApplicationModuleListener
    void on(SubmissionRejected e) {
        ledger.removeSource(SourceKind.SUBMISSION, e.submissionId());
    }
}
