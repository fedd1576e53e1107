package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.events.AttendanceRecorded;
import cn.hongxin.events.AttendanceRetracted;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.events.EventCancelled;
import cn.hongxin.events.EventRescheduled;
import cn.hongxin.events.VolunteerHoursRecorded;
import cn.hongxin.submissions.SubmissionKind;
import cn.hongxin.submissions.SubmissionRejected;
import cn.hongxin.submissions.SubmissionVerified;
import cn.hongxin.support.IntegrationTest;

import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly evidence tally follows every write of the ledger, through the listeners and directly: inserts,
 * replays (no change), corrections of quantity, type and date, retractions, re-dated and cancelled events,
 * rejected submissions; concurrent writers on one tally row lose nothing; a rebuild gives the tally the ledger
 * kept. After every step the tally equals the evidence counted afresh.
 */
@IntegrationTest
class EvidenceTallyTests {

    static final LocalDate OCT = LocalDate.of(2091, 10, 1);
    static final LocalDate NOV = LocalDate.of(2091, 11, 1);
    static final LocalDate DEC = LocalDate.of(2091, 12, 1);

    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    EvidenceTallyOperations operations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTallyFollowsEveryWriteAndAReplayChangesNothing() {
        long p = newId();
        long q = newId();
        // Two sign-ins in October, the second delivered twice.
        long e1 = newId();
        long e2 = newId();
        fixtures.publishAndWait(e1, new AttendanceRecorded(e1, "FITNESS", p, LocalDate.of(2091, 10, 9),
                AttendanceStatus.PRESENT));
        AttendanceRecorded late = new AttendanceRecorded(e2, "FITNESS", p, LocalDate.of(2091, 10, 31),
                AttendanceStatus.LATE);
        fixtures.publishAndWait(e2, late);
        assertThat(tally(p)).containsExactly(Map.entry("ATTENDED/FITNESS/2091-10-01", "2/2"));
        fixtures.publishAndWait(e2, late);
        assertThat(tally(p)).containsExactly(Map.entry("ATTENDED/FITNESS/2091-10-01", "2/2"));
        consistent(p, q);

        // Hours recorded, corrected, replayed.
        long e3 = newId();
        fixtures.publishAndWait(e3, new VolunteerHoursRecorded(e3, "VOLUNTEER_SERVICE", p, LocalDate.of(2091, 10, 20),
                new BigDecimal("2.5")));
        assertThat(tally(p)).containsEntry("VOLUNTEER_HOURS/VOLUNTEER_SERVICE/2091-10-01", "1/2.5");
        VolunteerHoursRecorded corrected = new VolunteerHoursRecorded(e3, "VOLUNTEER_SERVICE", p,
                LocalDate.of(2091, 10, 20), new BigDecimal("4"));
        fixtures.publishAndWait(e3, corrected);
        fixtures.publishAndWait(e3, corrected);
        assertThat(tally(p)).containsEntry("VOLUNTEER_HOURS/VOLUNTEER_SERVICE/2091-10-01", "1/4");
        consistent(p, q);

        // Corrected to excused, then the other sign-in retracted: the October attendance row goes.
        fixtures.publishAndWait(e2, new AttendanceRecorded(e2, "FITNESS", p, LocalDate.of(2091, 10, 31),
                AttendanceStatus.EXCUSED));
        assertThat(tally(p)).containsEntry("ATTENDED/FITNESS/2091-10-01", "1/1");
        fixtures.publishAndWait(e1, new AttendanceRetracted(e1, "FITNESS", p, LocalDate.of(2091, 10, 9),
                AttendanceStatus.PRESENT));
        assertThat(tally(p)).doesNotContainKey("ATTENDED/FITNESS/2091-10-01");
        // A retraction delivered again removes nothing more.
        fixtures.publishAndWait(e1, new AttendanceRetracted(e1, "FITNESS", p, LocalDate.of(2091, 10, 9),
                AttendanceStatus.PRESENT));
        assertThat(tally(p)).containsExactly(Map.entry("VOLUNTEER_HOURS/VOLUNTEER_SERVICE/2091-10-01", "1/4"));
        consistent(p, q);

        // An event on 31 October attended by both, moved to 1 November (Beijing time), twice, then cancelled.
        long e4 = newId();
        fixtures.publishAndWait(e4, new AttendanceRecorded(e4, "THEME_PARTY_DAY", p, LocalDate.of(2091, 10, 31),
                AttendanceStatus.PRESENT), new AttendanceRecorded(e4, "THEME_PARTY_DAY", q, LocalDate.of(2091, 10, 31),
                AttendanceStatus.PRESENT));
        assertThat(tally(q)).containsExactly(Map.entry("ATTENDED/THEME_PARTY_DAY/2091-10-01", "1/1"));
        EventRescheduled moved = new EventRescheduled(e4, "主题党日", Instant.parse("2091-10-31T17:00:00Z"),
                Instant.parse("2091-10-31T19:00:00Z"), "会议室", Instant.parse("2091-10-31T01:00:00Z"), "会议室",
                List.of(p, q), Instant.parse("2091-10-20T00:00:00Z"));
        fixtures.publishAndWait(e4, moved);
        assertThat(tally(q)).containsExactly(Map.entry("ATTENDED/THEME_PARTY_DAY/2091-11-01", "1/1"));
        assertThat(tally(p)).containsEntry("ATTENDED/THEME_PARTY_DAY/2091-11-01", "1/1")
                .doesNotContainKey("ATTENDED/THEME_PARTY_DAY/2091-10-01");
        fixtures.publishAndWait(e4, moved);
        assertThat(tally(q)).containsExactly(Map.entry("ATTENDED/THEME_PARTY_DAY/2091-11-01", "1/1"));
        consistent(p, q);
        fixtures.publishAndWait(e4, new EventCancelled(e4, "主题党日", Instant.parse("2091-10-31T17:00:00Z"),
                List.of(p, q)));
        assertThat(tally(q)).isEmpty();
        assertThat(tally(p)).doesNotContainKey("ATTENDED/THEME_PARTY_DAY/2091-11-01");
        consistent(p, q);

        // A verified submission, re-dated by a second verification, then sent back.
        long s = newId();
        fixtures.publishAndWait(s, new SubmissionVerified(s, q, SubmissionKind.READING_NOTE, LocalDate.of(2091, 12, 5),
                null));
        assertThat(tally(q)).containsExactly(Map.entry("SUBMISSION_VERIFIED/READING_NOTE/2091-12-01", "1/1"));
        fixtures.publishAndWait(s, new SubmissionVerified(s, q, SubmissionKind.READING_NOTE, LocalDate.of(2092, 1, 2),
                null));
        assertThat(tally(q)).containsExactly(Map.entry("SUBMISSION_VERIFIED/READING_NOTE/2092-01-01", "1/1"));
        fixtures.publishAndWait(s, new SubmissionRejected(s, q, SubmissionKind.READING_NOTE, LocalDate.of(2092, 1, 2),
                null, "不合格"));
        assertThat(tally(q)).isEmpty();
        consistent(p, q);

        // Directly: a fact without a type, a change of type, a removal of an absent fact.
        long h = newId();
        ledger.record(SourceKind.HELP_RECORD, h, EvidenceKind.HELP_RECORD, SubjectType.PERSON, q, null,
                LocalDate.of(2091, 12, 31), BigDecimal.ONE);
        assertThat(tally(q)).containsExactly(Map.entry("HELP_RECORD//2091-12-01", "1/1"));
        long t = newId();
        ledger.record(SourceKind.EVENT, t, EvidenceKind.ATTENDED, SubjectType.PERSON, q, "FITNESS",
                LocalDate.of(2091, 12, 1), BigDecimal.ONE);
        ledger.record(SourceKind.EVENT, t, EvidenceKind.ATTENDED, SubjectType.PERSON, q, "WEDNESDAY_LECTURE",
                LocalDate.of(2091, 12, 1), BigDecimal.ONE);
        assertThat(tally(q)).containsOnlyKeys("HELP_RECORD//2091-12-01", "ATTENDED/WEDNESDAY_LECTURE/2091-12-01");
        Map<String, String> before = tally(q);
        assertThat(ledger.remove(SourceKind.EVENT, newId(), EvidenceKind.ATTENDED, SubjectType.PERSON, q)).isZero();
        assertThat(ledger.redateSource(SourceKind.EVENT, t, LocalDate.of(2091, 12, 1))).isZero();
        assertThat(tally(q)).isEqualTo(before);
        consistent(p, q);
    }

    @Test
    void concurrentWritersOnOneSubjectAndMonthLoseNoChange() throws Exception {
        long p = newId();
        long unit = newId();
        int threads = 6;
        int each = 30;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            done.add(pool.submit(() -> {
                start.await();
                int kept = 0;
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    long source = newId();
                    // Three months in turn, so that rows are inserted, deleted at zero and inserted again in a race.
                    LocalDate day = (i % 3 == 0 ? OCT : i % 3 == 1 ? NOV : DEC).plusDays((worker + i) % 28);
                    ledger.record(SourceKind.EVENT, source, EvidenceKind.ATTENDED, SubjectType.PERSON, p, "FITNESS",
                            day, BigDecimal.ONE);
                    ledger.record(SourceKind.EVENT, source, EvidenceKind.EVENT_HELD, SubjectType.UNIT, unit,
                            "FITNESS", day, BigDecimal.ONE);
                    mine.add(source);
                    if (i % 5 == 4) {
                        // Every fifth: retracted, or moved to another month.
                        if (i % 2 == 0) {
                            ledger.remove(SourceKind.EVENT, source, EvidenceKind.ATTENDED, SubjectType.PERSON, p);
                        } else {
                            ledger.redateSource(SourceKind.EVENT, source, NOV.plusDays(worker));
                            kept++;
                        }
                    } else {
                        kept++;
                    }
                }
                return kept;
            }));
        }
        start.countDown();
        int kept = 0;
        for (Future<Integer> f : done) {
            kept += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        long counted = jdbc.sql("select coalesce(sum(evidence_count), 0) from evidence_tally where subject_kind = 'P'"
                + " and subject_id = :p").param("p", p).query(Long.class).single();
        assertThat(counted).isEqualTo(kept);
        long units = jdbc.sql("select coalesce(sum(evidence_count), 0) from evidence_tally where subject_kind = 'U'"
                + " and subject_id = :u").param("u", unit).query(Long.class).single();
        assertThat(units).isEqualTo(threads * each);
        assertThat(ledger.tallyDifferences(SubjectType.PERSON, List.of(p))).isEmpty();
        assertThat(ledger.tallyDifferences(SubjectType.UNIT, List.of(unit))).isEmpty();
    }

    @Test
    void aRebuildGivesTheTallyTheLedgerKept() {
        long p = newId();
        long q = newId();
        for (int i = 0; i < 40; i++) {
            long source = newId();
            ledger.record(SourceKind.EVENT, source, EvidenceKind.VOLUNTEER_HOURS, SubjectType.PERSON, i % 2 == 0 ? p : q,
                    i % 3 == 0 ? null : "VOLUNTEER_SERVICE", OCT.plusDays(i * 3L), new BigDecimal(i % 4 + ".5"));
            if (i % 7 == 0) {
                ledger.remove(SourceKind.EVENT, source, EvidenceKind.VOLUNTEER_HOURS, SubjectType.PERSON,
                        i % 2 == 0 ? p : q);
            } else if (i % 7 == 1) {
                ledger.redateSource(SourceKind.EVENT, source, DEC.plusDays(i));
            }
        }
        Map<String, String> kept = tally(p);
        kept.putAll(tally(q));
        assertThat(kept).isNotEmpty();
        long rows = operations.rebuild();
        assertThat(rows).isGreaterThanOrEqualTo(kept.size());
        Map<String, String> rebuilt = tally(p);
        rebuilt.putAll(tally(q));
        assertThat(rebuilt).isEqualTo(kept);
        assertThat(operations.differences()).isEmpty();
    }

    /** The subject's tally rows: kind/type/month to count/total. */
    private Map<String, String> tally(long personId) {
        Map<String, String> rows = new TreeMap<>();
        jdbc.sql("""
                        select kind, type_code, month_start, evidence_count, quantity_total from evidence_tally
                        where subject_kind = 'P' and subject_id = :p""").param("p", personId)
                .query((rs, i) -> rows.put(rs.getString("kind") + "/" + rs.getString("type_code") + "/"
                                + rs.getObject("month_start", LocalDate.class),
                        rs.getLong("evidence_count") + "/"
                                + rs.getBigDecimal("quantity_total").stripTrailingZeros().toPlainString()))
                .list();
        return rows;
    }

    private void consistent(long... persons) {
        List<Long> ids = new ArrayList<>();
        for (long p : persons) {
            ids.add(p);
        }
        assertThat(ledger.tallyDifferences(SubjectType.PERSON, ids)).isEmpty();
    }
}
