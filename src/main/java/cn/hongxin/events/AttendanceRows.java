package cn.hongxin.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inserts an attendance unless the person already has one for the event, relying on the unique key
 * (event_id, person_id): {@code insert … on conflict do nothing} (PostgreSQL, and H2 in PostgreSQL mode).
 * A raced insert waits for the winner and then does nothing, so exactly one row is written.
 */
@Component
class AttendanceRows {

    record Row(AttendanceStatus status, String reason, Instant recordedAt, String recordedBy,
               AttendanceSource source) {
    }

    private final JdbcClient jdbc;

    AttendanceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this call wrote the row; false when one existed (or a concurrent insert won). */
    boolean insertIfAbsent(long eventId, long personId, AttendanceStatus status, String reason, String recordedBy,
                           AttendanceSource source) {
        try {
            return jdbc.sql("""
                            insert into attendance (event_id, person_id, status, reason, recorded_at, recorded_by, source)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(eventId, personId, status.name(), reason, Timestamp.from(Instant.now()), recordedBy,
                            source.name())
                    .update() == 1;
        } catch (DataIntegrityViolationException raced) {
            // H2 may report the conflict with a concurrent, just-committed insert instead of skipping it.
            return false;
        }
    }

    Optional<Row> find(long eventId, long personId) {
        return jdbc.sql("select status, reason, recorded_at, recorded_by, source from attendance"
                        + " where event_id = ? and person_id = ?")
                .params(eventId, personId)
                .query((rs, n) -> new Row(AttendanceStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), AttendanceSource.valueOf(rs.getString(5))))
                .optional();
    }

    /** A sign-in after the roll-call marked the person absent turns the absence into attendance. */
    boolean upgradeAbsent(long eventId, long personId, AttendanceStatus status, String recordedBy,
                          AttendanceSource source) {
        return jdbc.sql("update attendance set status = ?, reason = null, recorded_at = ?, recorded_by = ?, source = ?"
                        + " where event_id = ? and person_id = ? and status = 'ABSENT'")
                .params(status.name(), Timestamp.from(Instant.now()), recordedBy, source.name(), eventId, personId)
                .update() == 1;
    }
}
