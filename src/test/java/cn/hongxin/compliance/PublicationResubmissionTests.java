package cn.hongxin.compliance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.events.AttendanceRecorded;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.operations.PublicationResubmission;
import cn.hongxin.support.IntegrationTest;

import static cn.hongxin.compliance.ComplianceFixtures.await;
import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash before the evidence listener committed leaves no evidence and an incomplete publication; once it is
 * stale, the resubmission job delivers it again and the evidence is there, once.
 */
@IntegrationTest
class PublicationResubmissionTests {

    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    PublicationResubmission resubmission;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublicationLeftIncompleteIsDeliveredAgainWhenStaleAndOnlyThen() {
        long event = newId();
        fixtures.publishAndWait(event, new AttendanceRecorded(event, "REGULAR_PARTY_MEETING", 47L,
                LocalDate.of(2091, 10, 9), AttendanceStatus.PRESENT));
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, event)).isEqualTo(1);

        // The crash: the listener's transaction never committed, the publication (an hour old) is incomplete.
        ledger.removeSource(SourceKind.EVENT, event);
        int changed = jdbc.sql("""
                        update event_publication set completion_date = null, status = 'PUBLISHED',
                                                     publication_date = :at
                        where serialized_event like :id and listener_id like '%compliance%'""")
                .param("at", OffsetDateTime.now().minusHours(1)).param("id", "%" + event + "%").update();
        assertThat(changed).isEqualTo(1);

        // Younger than the threshold: left alone.
        resubmission.resubmitOlderThan(Duration.ofHours(2));
        assertThat(fixtures.incompletePublications(event)).isEqualTo(1);
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, event)).isZero();

        // Stale (older than 50 minutes, and than the job's 10): delivered again, the evidence back, once.
        resubmission.resubmitOlderThan(Duration.ofMinutes(50));
        await("the stale publication delivered again", () -> fixtures.incompletePublications(event) == 0);
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, event)).isEqualTo(1);
        assertThat(fixtures.completedPublications(event)).isEqualTo(1);

        // Nothing left to deliver: a second run doubles nothing.
        resubmission.resubmitOlderThan(Duration.ofMinutes(50));
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, event)).isEqualTo(1);
    }
}
