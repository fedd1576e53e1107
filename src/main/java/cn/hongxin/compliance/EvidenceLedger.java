package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;

/**
 * Writes the evidence table. Every write is keyed on its source (source kind and id, evidence kind, subject):
 * recording the same fact again updates its row, removing an absent fact changes nothing, so delivering an
 * event twice leaves the ledger as delivering it once. The unique key stops a duplicate even when two
 * deliveries race; the loser fails and the registry delivers it again later, when it updates.
 */
@Component
class EvidenceLedger {

    private final JdbcClient jdbc;

    EvidenceLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records (or updates) one fact. */
    void record(SourceKind source, long sourceId, EvidenceKind kind, SubjectType subjectType, long subjectId,
                String typeCode, LocalDate date, BigDecimal quantity) {
        BigDecimal q = quantity == null ? BigDecimal.ONE : quantity;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        update evidence set type_code = :type, evidence_date = :date, quantity = :q, recorded_at = :now
                        where source_kind = :source and source_id = :sourceId and kind = :kind
                          and subject_kind = :subjectKind and subject_id = :subjectId""")
                .param("type", typeCode).param("date", date).param("q", q).param("now", now)
                .param("source", source.name()).param("sourceId", sourceId).param("kind", kind.name())
                .param("subjectKind", subjectType.code()).param("subjectId", subjectId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into evidence (subject_kind, subject_id, kind, type_code, evidence_date, quantity,
                                                  source_kind, source_id, recorded_at)
                            values (:subjectKind, :subjectId, :kind, :type, :date, :q, :source, :sourceId, :now)""")
                    .param("type", typeCode).param("date", date).param("q", q).param("now", now)
                    .param("source", source.name()).param("sourceId", sourceId).param("kind", kind.name())
                    .param("subjectKind", subjectType.code()).param("subjectId", subjectId)
                    .update();
        }
    }

    /** Removes one fact, if recorded. */
    int remove(SourceKind source, long sourceId, EvidenceKind kind, SubjectType subjectType, long subjectId) {
        return jdbc.sql("""
                        delete from evidence where source_kind = :source and source_id = :sourceId and kind = :kind
                          and subject_kind = :subjectKind and subject_id = :subjectId""")
                .param("source", source.name()).param("sourceId", sourceId).param("kind", kind.name())
                .param("subjectKind", subjectType.code()).param("subjectId", subjectId)
                .update();
    }

    /** Removes every fact of a source, whatever its kind and subject (a submission sent back). */
    int removeSource(SourceKind source, long sourceId) {
        return jdbc.sql("delete from evidence where source_kind = :source and source_id = :sourceId")
                .param("source", source.name()).param("sourceId", sourceId)
                .update();
    }

    /** Moves every fact of a source to another day (an event re-dated after people signed in). */
    int redateSource(SourceKind source, long sourceId, LocalDate date) {
        return jdbc.sql("""
                        update evidence set evidence_date = :date, recorded_at = :now
                        where source_kind = :source and source_id = :sourceId and evidence_date <> :date""")
                .param("date", date).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("source", source.name()).param("sourceId", sourceId)
                .update();
    }
}
