package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.support.IntegrationTest;

import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evidence writes arriving together commit together; a write that fails fails alone (its batch is run again write
 * by write), and each caller returns only once its own write is committed.
 */
@IntegrationTest
class EvidenceGroupCommitTests {

    @Autowired
    EvidenceGroupCommit groupCommit;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    ComplianceFixtures fixtures;

    @Test
    void writesArrivingTogetherAllCommitAndABadOneFailsAlone() throws Exception {
        int writers = 12;
        long[] sources = new long[writers];
        for (int i = 0; i < writers; i++) {
            sources[i] = newId();
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    groupCommit.run(() -> {
                        ledger.record(SourceKind.EVENT, sources[n], EvidenceKind.ATTENDED, SubjectType.PERSON,
                                880_000L + n, "REGULAR_PARTY_MEETING", LocalDate.of(2091, 10, 9), BigDecimal.ONE);
                        if (n == 5) {
                            throw new IllegalStateException("a bad write");
                        }
                    });
                    // Returned: the write is committed, visible to anyone.
                    assertThat(fixtures.evidenceRows(SourceKind.EVENT, sources[n])).isEqualTo(1);
                    return null;
                }));
            }
            start.countDown();
            for (int i = 0; i < writers; i++) {
                Future<?> f = futures.get(i);
                if (i == 5) {
                    assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                            .hasRootCauseMessage("a bad write");
                } else {
                    f.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < writers; i++) {
            assertThat(fixtures.evidenceRows(SourceKind.EVENT, sources[i])).as("writer %d", i).isEqualTo(i == 5 ? 0 : 1);
        }
        List<Long> subjects = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            subjects.add(880_000L + i);
        }
        assertThat(ledger.tallyDifferences(SubjectType.PERSON, subjects)).isEmpty();
    }
}
