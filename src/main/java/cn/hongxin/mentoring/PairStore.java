package cn.hongxin.mentoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The mentoring tables, in plain SQL portable to H2 and PostgreSQL. Ciphertexts in, ciphertexts out. */
@Component
class PairStore {

    /** A help record as stored. */
    record StoredHelpRecord(long id, long pairId, LocalDate date, HelpMode mode, String contentEnc,
                            String nextStepEnc, long authorPersonId, String authorName) {
    }

    /** A check-in as stored. */
    record StoredCheckIn(long id, long pairId, LocalDate date, int study, int mood, int dailyLife, BigDecimal score,
                         String noteEnc) {
    }

    /** Help records of a pair: how many this month, and the latest date. */
    record HelpStats(int thisMonth, LocalDate last) {
    }

    private static final String PAIR_COLUMNS = """
            id, lead_person_id, lead_name, lead_branch_path, lead_unit_name, partner_person_id, partner_name,
            student_person_id, student_name, student_unit_name, care_needs_enc, goals_enc, started_on, state,
            closed_on, outcome_kind, outcome_enc""";

    private final JdbcClient jdbc;

    PairStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPair(StoredPair p, String createdBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into mentoring_pair (lead_person_id, lead_name, lead_branch_path, lead_unit_name,
                            partner_person_id, partner_name, student_person_id, student_name, student_unit_name,
                            care_needs_enc, goals_enc, started_on, state, created_by, created_at)
                        values (:lead, :leadName, :branch, :leadUnit, :partner, :partnerName, :student, :studentName,
                            :studentUnit, :needs, :goals, :started, 'OPEN', :by, :now)""")
                .param("lead", p.leadPersonId()).param("leadName", p.leadName()).param("branch", p.leadBranchPath())
                .param("leadUnit", p.leadUnitName()).param("partner", p.partnerPersonId())
                .param("partnerName", p.partnerName()).param("student", p.studentPersonId())
                .param("studentName", p.studentName()).param("studentUnit", p.studentUnitName())
                .param("needs", p.careNeedsEnc()).param("goals", p.goalsEnc()).param("started", p.startedOn())
                .param("by", createdBy).param("now", now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<StoredPair> pair(long id) {
        return jdbc.sql("select " + PAIR_COLUMNS + " from mentoring_pair where id = :id").param("id", id)
                .query(PairStore::pair).optional();
    }

    /** Pairs whose lead's branch lies under {@code prefix}, newest first. */
    List<StoredPair> pairsWithin(String prefix) {
        return jdbc.sql("select " + PAIR_COLUMNS + " from mentoring_pair where lead_branch_path like :p"
                        + " order by started_on desc, id desc")
                .param("p", prefix + "%").query(PairStore::pair).list();
    }

    List<StoredPair> pairsOfTeacher(long personId) {
        return jdbc.sql("select " + PAIR_COLUMNS + " from mentoring_pair"
                        + " where lead_person_id = :p or partner_person_id = :p order by state desc, started_on desc, id desc")
                .param("p", personId).query(PairStore::pair).list();
    }

    List<StoredPair> pairsOfStudent(long personId) {
        return jdbc.sql("select " + PAIR_COLUMNS + " from mentoring_pair"
                        + " where student_person_id = :p order by started_on desc, id desc")
                .param("p", personId).query(PairStore::pair).list();
    }

    boolean studentHasOpenPair(long personId) {
        return jdbc.sql("select count(*) from mentoring_pair where student_person_id = :p and state = 'OPEN'")
                .param("p", personId).query(Long.class).single() > 0;
    }

    /** Open pairs per teacher (as lead or partner). */
    Map<Long, Long> openLoad() {
        Map<Long, Long> load = new HashMap<>();
        jdbc.sql("select lead_person_id, partner_person_id from mentoring_pair where state = 'OPEN'")
                .query((rs, n) -> {
                    load.merge(rs.getLong(1), 1L, Long::sum);
                    load.merge(rs.getLong(2), 1L, Long::sum);
                    return null;
                }).list();
        return load;
    }

    int close(long id, LocalDate closedOn, OutcomeKind kind, String outcomeEnc) {
        return jdbc.sql("""
                        update mentoring_pair set state = 'CLOSED', closed_on = :d, outcome_kind = :k, outcome_enc = :o,
                            version = version + 1
                        where id = :id and state = 'OPEN'""")
                .param("d", closedOn).param("k", kind.name()).param("o", outcomeEnc).param("id", id).update();
    }

    // ---- help records ----------------------------------------------------------------------------

    long insertHelpRecord(long pairId, NewHelpRecord r, String contentEnc, String nextStepEnc, long authorId,
                          String authorName) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into mentoring_help_record (pair_id, record_date, mode, content_enc, next_step_enc,
                            author_person_id, author_name, client_request_id, created_at)
                        values (:pair, :d, :mode, :content, :next, :author, :authorName, :req, :now)""")
                .param("pair", pairId).param("d", r.date()).param("mode", r.mode().name())
                .param("content", contentEnc).param("next", nextStepEnc).param("author", authorId)
                .param("authorName", authorName).param("req", r.clientRequestId()).param("now", now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String HELP_COLUMNS =
            "id, pair_id, record_date, mode, content_enc, next_step_enc, author_person_id, author_name";

    Optional<StoredHelpRecord> helpRecord(long id) {
        return jdbc.sql("select " + HELP_COLUMNS + " from mentoring_help_record where id = :id").param("id", id)
                .query(PairStore::helpRecord).optional();
    }

    Optional<StoredHelpRecord> helpRecordByRequest(long pairId, String requestId) {
        return jdbc.sql("select " + HELP_COLUMNS + " from mentoring_help_record where pair_id = :p and client_request_id = :r")
                .param("p", pairId).param("r", requestId).query(PairStore::helpRecord).optional();
    }

    List<StoredHelpRecord> helpRecords(long pairId) {
        return jdbc.sql("select " + HELP_COLUMNS + " from mentoring_help_record where pair_id = :p"
                        + " order by record_date desc, id desc")
                .param("p", pairId).query(PairStore::helpRecord).list();
    }

    /** Dates of the pair's help records, newest first (the student's meeting dates). */
    List<LocalDate> helpDates(long pairId) {
        return jdbc.sql("select record_date from mentoring_help_record where pair_id = :p order by record_date desc, id desc")
                .param("p", pairId).query(LocalDate.class).list();
    }

    int deleteHelpRecord(long id) {
        return jdbc.sql("delete from mentoring_help_record where id = :id").param("id", id).update();
    }

    /** For each pair: help records dated on or after {@code monthStart}, and the latest record's date. */
    Map<Long, HelpStats> helpStats(Collection<Long> pairIds, LocalDate monthStart) {
        Map<Long, HelpStats> stats = new HashMap<>();
        if (pairIds.isEmpty()) {
            return stats;
        }
        jdbc.sql("""
                        select pair_id, sum(case when record_date >= :m then 1 else 0 end), max(record_date)
                        from mentoring_help_record where pair_id in (:ids) group by pair_id""")
                .param("m", monthStart).param("ids", pairIds)
                .query((rs, n) -> stats.put(rs.getLong(1), new HelpStats(rs.getInt(2), rs.getObject(3, LocalDate.class))))
                .list();
        return stats;
    }

    /** (pair id, date) of every help record of these pairs, oldest first. */
    List<Map.Entry<Long, LocalDate>> helpDatesOf(Collection<Long> pairIds) {
        if (pairIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select pair_id, record_date from mentoring_help_record where pair_id in (:ids)"
                        + " order by record_date, id")
                .param("ids", pairIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
    }

    // ---- check-ins -------------------------------------------------------------------------------

    long insertCheckIn(long pairId, NewCheckIn c, BigDecimal score, String noteEnc, long authorId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into mentoring_check_in (pair_id, check_date, study, mood, daily_life, score, note_enc,
                            author_person_id, client_request_id, created_at)
                        values (:pair, :d, :study, :mood, :life, :score, :note, :author, :req, :now)""")
                .param("pair", pairId).param("d", c.date()).param("study", c.study()).param("mood", c.mood())
                .param("life", c.dailyLife()).param("score", score).param("note", noteEnc).param("author", authorId)
                .param("req", c.clientRequestId()).param("now", now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String CHECK_IN_COLUMNS = "id, pair_id, check_date, study, mood, daily_life, score, note_enc";

    Optional<StoredCheckIn> checkInByRequest(long pairId, String requestId) {
        return jdbc.sql("select " + CHECK_IN_COLUMNS + " from mentoring_check_in where pair_id = :p and client_request_id = :r")
                .param("p", pairId).param("r", requestId).query(PairStore::checkIn).optional();
    }

    List<StoredCheckIn> checkIns(long pairId) {
        return jdbc.sql("select " + CHECK_IN_COLUMNS + " from mentoring_check_in where pair_id = :p"
                        + " order by check_date desc, id desc")
                .param("p", pairId).query(PairStore::checkIn).list();
    }

    /** Check-ins of these pairs without their notes, oldest first. */
    List<StoredCheckIn> checkInsOf(Collection<Long> pairIds) {
        if (pairIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, pair_id, check_date, study, mood, daily_life, score, null from mentoring_check_in"
                        + " where pair_id in (:ids) order by check_date, id")
                .param("ids", pairIds).query(PairStore::checkIn).list();
    }

    // ---- mapping ---------------------------------------------------------------------------------

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static StoredPair pair(ResultSet rs, int n) throws SQLException {
        return new StoredPair(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getObject(13, LocalDate.class), PairState.valueOf(rs.getString(14)),
                rs.getObject(15, LocalDate.class), rs.getString(16), rs.getString(17));
    }

    private static StoredHelpRecord helpRecord(ResultSet rs, int n) throws SQLException {
        return new StoredHelpRecord(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                HelpMode.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8));
    }

    private static StoredCheckIn checkIn(ResultSet rs, int n) throws SQLException {
        return new StoredCheckIn(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7), rs.getString(8));
    }
}
