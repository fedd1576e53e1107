package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.brand.EvidenceKind;

/**
 * Writes the evidence table and keeps its monthly tally (evidence_tally) in step. Every write is keyed on its
 * source (source kind and id, evidence kind, subject): recording the same fact again updates its row, removing
 * an absent fact changes nothing, so delivering an event twice leaves the ledger as delivering it once. The
 * unique key stops a duplicate even when two deliveries race; the loser fails and the registry delivers it
 * again later, when it updates.
 * <p>
 * The tally: each write first reads (and locks) the rows it changes, then applies to the tally exactly the
 * change it made (minus the old row's month, type and quantity, plus the new one's), in the same transaction;
 * a write that changes nothing changes no tally row. Tally rows are changed by relative updates in key order,
 * a missing row is inserted under a savepoint and, should a concurrent writer have inserted it first, updated
 * instead, so concurrent writers never lose a change. A row whose count reaches zero is deleted. Evidence
 * written around the ledger (a bulk load) needs {@link #rebuildTally()}.
 */
@Component
class EvidenceLedger {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvidenceLedger.class);

    private static final String COLUMNS = "id, subject_kind, subject_id, kind, type_code, evidence_date, quantity";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    EvidenceLedger(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** One evidence row as the tally sees it. */
    private record Fact(long id, String subjectKind, long subjectId, String kind, String typeCode, LocalDate date,
                        BigDecimal quantity) {
    }

    /** Records (or updates) one fact. */
    @Transactional
    void record(SourceKind source, long sourceId, EvidenceKind kind, SubjectType subjectType, long subjectId,
                String typeCode, LocalDate date, BigDecimal quantity) {
        BigDecimal q = quantity == null ? BigDecimal.ONE : quantity;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<Fact> old = facts("""
                where source_kind = :source and source_id = :sourceId and kind = :kind
                  and subject_kind = :subjectKind and subject_id = :subjectId""", Map.of("source", source.name(),
                "sourceId", sourceId, "kind", kind.name(), "subjectKind", subjectType.code(), "subjectId", subjectId))
                .stream().findFirst();
        Deltas deltas = new Deltas();
        if (old.isPresent()) {
            jdbc.sql("""
                            update evidence set type_code = :type, evidence_date = :date, quantity = :q,
                                                recorded_at = :now
                            where id = :id""")
                    .param("type", typeCode).param("date", date).param("q", q).param("now", now)
                    .param("id", old.get().id())
                    .update();
            deltas.subtract(old.get());
        } else {
            jdbc.sql("""
                            insert into evidence (subject_kind, subject_id, kind, type_code, evidence_date, quantity,
                                                  source_kind, source_id, recorded_at)
                            values (:subjectKind, :subjectId, :kind, :type, :date, :q, :source, :sourceId, :now)""")
                    .param("type", typeCode).param("date", date).param("q", q).param("now", now)
                    .param("source", source.name()).param("sourceId", sourceId).param("kind", kind.name())
                    .param("subjectKind", subjectType.code()).param("subjectId", subjectId)
                    .update();
        }
        deltas.add(new Fact(0, subjectType.code(), subjectId, kind.name(), typeCode, date, q));
        deltas.apply();
    }

    /** Removes one fact, if recorded. */
    @Transactional
    int remove(SourceKind source, long sourceId, EvidenceKind kind, SubjectType subjectType, long subjectId) {
        return delete(facts("""
                where source_kind = :source and source_id = :sourceId and kind = :kind
                  and subject_kind = :subjectKind and subject_id = :subjectId""", Map.of("source", source.name(),
                "sourceId", sourceId, "kind", kind.name(), "subjectKind", subjectType.code(), "subjectId", subjectId)));
    }

    /** Removes every fact of a source, whatever its kind and subject (a submission sent back). */
    @Transactional
    int removeSource(SourceKind source, long sourceId) {
        return delete(facts("where source_kind = :source and source_id = :sourceId",
                Map.of("source", source.name(), "sourceId", sourceId)));
    }

    /** Moves every fact of a source to another day (an event re-dated after people signed in). */
    @Transactional
    int redateSource(SourceKind source, long sourceId, LocalDate date) {
        List<Fact> moved = facts("where source_kind = :source and source_id = :sourceId and evidence_date <> :date",
                Map.of("source", source.name(), "sourceId", sourceId, "date", date));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = 0;
        for (List<Long> ids : chunks(moved)) {
            updated += jdbc.sql("update evidence set evidence_date = :date, recorded_at = :now where id in (:ids)")
                    .param("date", date).param("now", now).param("ids", ids)
                    .update();
        }
        Deltas deltas = new Deltas();
        for (Fact f : moved) {
            deltas.subtract(f);
            deltas.add(new Fact(f.id(), f.subjectKind(), f.subjectId(), f.kind(), f.typeCode(), date, f.quantity()));
        }
        deltas.apply();
        return updated;
    }

    /**
     * Rebuilds the tally from the evidence in one statement, after evidence was written around the ledger (a bulk
     * load, a repair by hand). On PostgreSQL it holds off evidence writes until it commits; the listeners wait.
     * Returns the number of tally rows.
     */
    @Transactional
    long rebuildTally() {
        if (postgres()) {
            jdbc.sql("lock table evidence in share mode").update();
        }
        jdbc.sql("delete from evidence_tally").update();
        long rows = jdbc.sql("""
                        insert into evidence_tally (kind, type_code, subject_kind, subject_id, month_start,
                                                    evidence_count, quantity_total)
                        select kind, coalesce(type_code, ''), subject_kind, subject_id,
                               cast(date_trunc('month', cast(evidence_date as timestamp)) as date), count(*),
                               sum(quantity)
                        from evidence
                        group by kind, coalesce(type_code, ''), subject_kind, subject_id,
                                 cast(date_trunc('month', cast(evidence_date as timestamp)) as date)""")
                .update();
        log.info("evidence tally rebuilt: {} rows", rows);
        return rows;
    }

    /**
     * Compares the tally with the evidence counted afresh: the differences (at most 20, described), none when
     * they agree. With subjects given, only theirs are compared.
     */
    @Transactional(readOnly = true)
    List<String> tallyDifferences(SubjectType subjectType, Collection<Long> subjectIds) {
        String evidenceWhere = subjectIds == null ? "" : " where subject_kind = :subjectKind and subject_id in (:ids)";
        String tallyWhere = subjectIds == null ? "" : " where subject_kind = :subjectKind and subject_id in (:ids)";
        String counted = "select kind, coalesce(type_code, '') as type_code, subject_kind, subject_id,"
                + " cast(date_trunc('month', cast(evidence_date as timestamp)) as date) as month_start,"
                + " count(*) as evidence_count, cast(sum(quantity) as numeric(14, 2)) as quantity_total from evidence"
                + evidenceWhere + " group by kind, coalesce(type_code, ''), subject_kind, subject_id,"
                + " cast(date_trunc('month', cast(evidence_date as timestamp)) as date)";
        String kept = "select kind, type_code, subject_kind, subject_id, month_start, evidence_count, quantity_total"
                + " from evidence_tally" + tallyWhere;
        List<String> differences = new ArrayList<>();
        for (String[] side : new String[][]{{"evidence, not in the tally: ", counted, kept},
                {"tally, not in the evidence: ", kept, counted}}) {
            var spec = jdbc.sql("select * from (" + side[1] + " except " + side[2] + ") d"
                    + " order by kind, type_code, subject_kind, subject_id, month_start");
            if (subjectIds != null) {
                spec = spec.param("subjectKind", subjectType.code()).param("ids", subjectIds.isEmpty()
                        ? List.of(-1L) : subjectIds);
            }
            spec.query((rs, i) -> side[0] + rs.getString("subject_kind") + rs.getLong("subject_id") + " "
                            + rs.getString("kind") + "/" + rs.getString("type_code") + " "
                            + rs.getObject("month_start", LocalDate.class) + " n=" + rs.getLong("evidence_count")
                            + " total=" + rs.getBigDecimal("quantity_total").stripTrailingZeros().toPlainString())
                    .list().stream().limit(20 - differences.size()).forEach(differences::add);
        }
        return differences;
    }

    /** Every difference between the tally and the evidence (at most 20). */
    List<String> tallyDifferences() {
        return tallyDifferences(null, null);
    }

    // ---- internals ---------------------------------------------------------------------------------

    /** The evidence rows matching a condition, locked until the transaction ends. */
    private List<Fact> facts(String where, Map<String, ?> params) {
        return jdbc.sql("select " + COLUMNS + " from evidence " + where + " for update").params(params)
                .query((rs, i) -> new Fact(rs.getLong("id"), rs.getString("subject_kind"), rs.getLong("subject_id"),
                        rs.getString("kind"), rs.getString("type_code"), rs.getObject("evidence_date", LocalDate.class),
                        rs.getBigDecimal("quantity")))
                .list();
    }

    private int delete(List<Fact> facts) {
        int deleted = 0;
        for (List<Long> ids : chunks(facts)) {
            deleted += jdbc.sql("delete from evidence where id in (:ids)").param("ids", ids).update();
        }
        Deltas deltas = new Deltas();
        facts.forEach(deltas::subtract);
        deltas.apply();
        return deleted;
    }

    private static List<List<Long>> chunks(List<Fact> facts) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < facts.size(); i += 1000) {
            chunks.add(facts.subList(i, Math.min(facts.size(), i + 1000)).stream().map(Fact::id).toList());
        }
        return chunks;
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                p = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database", e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
            postgres = p;
        }
        return p;
    }

    /** A tally row's key. */
    private record Key(String kind, String typeCode, String subjectKind, long subjectId, LocalDate monthStart) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::kind).thenComparing(Key::typeCode)
                .thenComparing(Key::subjectKind).thenComparingLong(Key::subjectId).thenComparing(Key::monthStart);

        static Key of(Fact f) {
            return new Key(f.kind(), f.typeCode() == null ? "" : f.typeCode(), f.subjectKind(), f.subjectId(),
                    f.date().withDayOfMonth(1));
        }
    }

    /** The changes one write makes to the tally, applied in key order (two writers lock rows in one order). */
    private final class Deltas {

        private final Map<Key, Object[]> changes = new TreeMap<>(Key.ORDER);

        void add(Fact f) {
            change(f, 1, f.quantity());
        }

        void subtract(Fact f) {
            change(f, -1, f.quantity().negate());
        }

        private void change(Fact f, long n, BigDecimal q) {
            Object[] c = changes.computeIfAbsent(Key.of(f), k -> new Object[]{0L, BigDecimal.ZERO});
            c[0] = (Long) c[0] + n;
            c[1] = ((BigDecimal) c[1]).add(q);
        }

        void apply() {
            changes.forEach((key, c) -> {
                long n = (Long) c[0];
                BigDecimal q = (BigDecimal) c[1];
                if (n != 0 || q.signum() != 0) {
                    applyOne(key, n, q);
                }
            });
        }

        private void applyOne(Key key, long n, BigDecimal q) {
            if (update(key, n, q) == 0) {
                Connection c = DataSourceUtils.getConnection(dataSource);
                try {
                    insertOrUpdate(c, key, n, q);
                } finally {
                    DataSourceUtils.releaseConnection(c, dataSource);
                }
                if (n < 0) {
                    log.warn("evidence tally had no row for {} while evidence of it was removed: rebuild the tally",
                            key);
                }
            }
            if (n < 0) {
                jdbc.sql("""
                                delete from evidence_tally where kind = :kind and type_code = :type
                                  and subject_kind = :subjectKind and subject_id = :subjectId and month_start = :month
                                  and evidence_count = 0""")
                        .param("kind", key.kind()).param("type", key.typeCode())
                        .param("subjectKind", key.subjectKind()).param("subjectId", key.subjectId())
                        .param("month", key.monthStart())
                        .update();
            }
        }

        /** Inserts the missing row under a savepoint; if a concurrent writer inserted it first, updates it. */
        private void insertOrUpdate(Connection c, Key key, long n, BigDecimal q) {
            Savepoint savepoint;
            try {
                savepoint = c.setSavepoint();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot set a savepoint", e);
            }
            try {
                jdbc.sql("""
                                insert into evidence_tally (kind, type_code, subject_kind, subject_id, month_start,
                                                            evidence_count, quantity_total)
                                values (:kind, :type, :subjectKind, :subjectId, :month, :n, :q)""")
                        .param("kind", key.kind()).param("type", key.typeCode())
                        .param("subjectKind", key.subjectKind()).param("subjectId", key.subjectId())
                        .param("month", key.monthStart()).param("n", n).param("q", q)
                        .update();
                release(c, savepoint);
            } catch (DuplicateKeyException raced) {
                // Another writer inserted the row since our update and has committed: update it now.
                try {
                    c.rollback(savepoint);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot roll back to a savepoint", e);
                }
                if (update(key, n, q) != 1) {
                    throw raced;
                }
            }
        }

        private int update(Key key, long n, BigDecimal q) {
            return jdbc.sql("""
                            update evidence_tally set evidence_count = evidence_count + :n,
                                                      quantity_total = quantity_total + :q
                            where kind = :kind and type_code = :type and subject_kind = :subjectKind
                              and subject_id = :subjectId and month_start = :month""")
                    .param("n", n).param("q", q)
                    .param("kind", key.kind()).param("type", key.typeCode())
                    .param("subjectKind", key.subjectKind()).param("subjectId", key.subjectId())
                    .param("month", key.monthStart())
                    .update();
        }

        private void release(Connection c, Savepoint savepoint) {
            try {
                c.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                // H2 and PostgreSQL both release; a driver that cannot keeps it until the transaction ends.
                log.debug("savepoint not released: {}", e.getMessage());
            }
        }
    }
}
