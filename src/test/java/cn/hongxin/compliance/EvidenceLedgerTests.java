package cn.hongxin.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import cn.hongxin.events.AttendanceRecorded;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.events.EventCancelled;
import cn.hongxin.events.EventClosed;
import cn.hongxin.events.EventRescheduled;
import cn.hongxin.submissions.SubmissionKind;
import cn.hongxin.submissions.SubmissionRejected;
import cn.hongxin.submissions.SubmissionVerified;
import cn.hongxin.support.IntegrationTest;

import static cn.hongxin.compliance.ComplianceFixtures.await;
import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's listeners are idempotent: a second delivery, or a replay of the registry, changes nothing. */
@IntegrationTest
class EvidenceLedgerTests {

    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EvidenceLedger ledger;

    @Test
    void theSameEventDeliveredTwiceRecordsOneRow() {
        long event = newId();
        AttendanceRecorded attended = new AttendanceRecorded(event, "REGULAR_PARTY_MEETING", 42L,
                LocalDate.of(2091, 10, 9), AttendanceStatus.PRESENT);
        fixtures.publishAndWait(event, attended);
        fixtures.publishAndWait(event, attended);
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, event)).isEqualTo(1);
        assertThat(fixtures.completedPublications(event)).isEqualTo(2);

        // Two facts of one source (the event held by its unit, attended by a person) are two rows.
        fixtures.publishAndWait(event, new EventClosed(event, "REGULAR_PARTY_MEETING", 7L, LocalDate.of(2091, 10, 9), 1));
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, event)).isEqualTo(2);
    }

    @Test
    void replayingIncompletePublicationsLeavesNoGapAndNoDuplicate() {
        long submission = newId();
        SubmissionVerified verified = new SubmissionVerified(submission, 43L, SubmissionKind.READING_NOTE,
                LocalDate.of(2091, 9, 30), null);
        fixtures.publishAndWait(submission, verified);
        assertThat(fixtures.evidenceRows(SourceKind.SUBMISSION, submission)).isEqualTo(1);

        // A crash after the listener committed, before the registry marked the publication complete: on restart
        // the publication is incomplete and is delivered again.
        markIncomplete(submission);
        assertThat(fixtures.incompletePublications(submission)).isEqualTo(1);
        resubmit(submission);
        assertThat(fixtures.evidenceRows(SourceKind.SUBMISSION, submission)).isEqualTo(1);

        // A crash before the listener's transaction committed: no evidence (nor its tally), an incomplete
        // publication.
        ledger.removeSource(SourceKind.SUBMISSION, submission);
        markIncomplete(submission);
        resubmit(submission);
        assertThat(fixtures.evidenceRows(SourceKind.SUBMISSION, submission)).isEqualTo(1);

        // The retraction, replayed too, removes it once and for all.
        fixtures.publishAndWait(submission, new SubmissionRejected(submission, 43L, SubmissionKind.READING_NOTE,
                LocalDate.of(2091, 9, 30), null, "不合格"));
        assertThat(fixtures.evidenceRows(SourceKind.SUBMISSION, submission)).isZero();
        jdbc.sql("update event_publication set completion_date = null, status = 'PUBLISHED' where serialized_event like :id"
                        + " and listener_id like '%compliance%' and event_type like '%SubmissionRejected'")
                .param("id", "%" + submission + "%").update();
        resubmit(submission);
        assertThat(fixtures.evidenceRows(SourceKind.SUBMISSION, submission)).isZero();
    }

    @Test
    void aCancelledEventCountsForNobodyAndAReDatedOneMovesItsEvidence() {
        long cancelled = newId();
        fixtures.publishAndWait(cancelled, new AttendanceRecorded(cancelled, "REGULAR_PARTY_MEETING", 44L,
                LocalDate.of(2091, 10, 9), AttendanceStatus.PRESENT));
        fixtures.publishAndWait(cancelled, new AttendanceRecorded(cancelled, "REGULAR_PARTY_MEETING", 45L,
                LocalDate.of(2091, 10, 9), AttendanceStatus.LATE));
        long untouched = newId();
        fixtures.publishAndWait(untouched, new AttendanceRecorded(untouched, "REGULAR_PARTY_MEETING", 44L,
                LocalDate.of(2091, 10, 9), AttendanceStatus.PRESENT));
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, cancelled)).isEqualTo(2);

        EventCancelled cancel = new EventCancelled(cancelled, "支部党员大会", Instant.parse("2091-10-09T01:00:00Z"),
                List.of(44L, 45L));
        fixtures.publishAndWait(cancelled, cancel);
        fixtures.publishAndWait(cancelled, cancel);
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, cancelled)).isZero();
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, untouched)).isEqualTo(1);

        // Moved from 9 October to 2 November (Beijing time: 1 November 17:00 UTC is 2 November 01:00).
        long moved = newId();
        fixtures.publishAndWait(moved, new AttendanceRecorded(moved, "REGULAR_PARTY_MEETING", 46L,
                LocalDate.of(2091, 10, 9), AttendanceStatus.PRESENT));
        fixtures.publishAndWait(moved, new EventRescheduled(moved, "支部党员大会", Instant.parse("2091-11-01T17:00:00Z"),
                Instant.parse("2091-11-01T19:00:00Z"), "会议室", Instant.parse("2091-10-09T01:00:00Z"), "会议室",
                List.of(), Instant.parse("2091-10-08T00:00:00Z")));
        assertThat(evidenceDates(moved)).containsExactly(LocalDate.of(2091, 11, 2));
        assertThat(evidenceDates(untouched)).containsExactly(LocalDate.of(2091, 10, 9));
    }

    private List<LocalDate> evidenceDates(long eventId) {
        return jdbc.sql("select evidence_date from evidence where source_kind = 'EVENT' and source_id = :id")
                .param("id", eventId).query(LocalDate.class).list();
    }

    private void markIncomplete(long id) {
        int changed = jdbc.sql("""
                        update event_publication set completion_date = null, status = 'PUBLISHED'
                        where serialized_event like :id and listener_id like '%compliance%'""")
                .param("id", "%" + id + "%").update();
        assertThat(changed).isEqualTo(1);
    }

    private void resubmit(long id) {
        incomplete.resubmitIncompletePublications(p -> String.valueOf(p.getEvent()).contains(String.valueOf(id)));
        await("replay of " + id, () -> fixtures.incompletePublications(id) == 0);
    }
}
