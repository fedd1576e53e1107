package cn.hongxin.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

import cn.hongxin.events.AttendanceRecorded;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publication registry's repository leaves "processing" unwritten and writes completions in batches: a
 * completed publication is incomplete until its batch is written, then completed like any other.
 */
@IntegrationTest
class PublicationCompletionTests {

    @Autowired
    EventPublicationRepository repository;
    @Autowired
    JdbcClient jdbc;

    @Test
    void completionsAreWrittenInBatchesAndProcessingIsNotWritten() {
        assertThat(repository).isInstanceOf(PublicationCompletionConfiguration.BatchedCompletions.class);
        PublicationCompletionConfiguration.BatchedCompletions batched =
                (PublicationCompletionConfiguration.BatchedCompletions) repository;
        PublicationTargetIdentifier listener = PublicationTargetIdentifier.of("test.PublicationCompletionTests.on");
        TargetEventPublication first = repository.create(TargetEventPublication.of(new AttendanceRecorded(
                910_001L, "REGULAR_PARTY_MEETING", 42L, LocalDate.of(2091, 3, 4), AttendanceStatus.PRESENT), listener));
        TargetEventPublication second = repository.create(TargetEventPublication.of(new AttendanceRecorded(
                910_002L, "REGULAR_PARTY_MEETING", 42L, LocalDate.of(2091, 3, 4), AttendanceStatus.PRESENT), listener));
        UUID a = first.getIdentifier();
        UUID b = second.getIdentifier();

        repository.markProcessing(a);
        assertThat(status(a)).isEqualTo("PUBLISHED");
        assertThat(repository.findIncompletePublications()).extracting(TargetEventPublication::getIdentifier)
                .contains(a, b);

        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        repository.markCompleted(a, at);
        repository.markCompleted(b, at);
        batched.flush();
        assertThat(status(a)).isEqualTo("COMPLETED");
        assertThat(status(b)).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select count(*) from event_publication where id in (:ids) and completion_date is not null")
                .param("ids", java.util.List.of(a, b)).query(Long.class).single()).isEqualTo(2);
        assertThat(repository.findIncompletePublications()).extracting(TargetEventPublication::getIdentifier)
                .doesNotContain(a, b);
        assertThat(batched.flush()).as("nothing left to write").isZero();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from event_publication where id = :id").param("id", id)
                .query(String.class).single();
    }
}
