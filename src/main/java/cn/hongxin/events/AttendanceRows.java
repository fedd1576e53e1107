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
    private final cn.hongxin.organisation.PersonPlacements placements;

    AttendanceRows(JdbcClient jdbc, cn.hongxin.organisation.PersonPlacements placements) {
        this.jdbc = jdbc;
        this.placements = placements;
    }

    /** True when this call wrote the row; false when one existed (or a concurrent insert won). */
    boolean insertIfAbsent(long eventId, long personId, AttendanceStatus status, String reason, String recordedBy,
                           AttendanceSource source) {
        return insertIfAbsent(eventId, personId, status, reason, recordedBy, source, Instant.now());
    }

    /** As above, recorded at {@code recordedAt} (so that the caller can answer without reading the row back). */
    boolean insertIfAbsent(long eventId, long personId, AttendanceStatus status, String reason, String recordedBy,
                           AttendanceSource source, Instant recordedAt) {
        try {
            return jdbc.sql("""
                            insert into attendance (event_id, person_id, status, reason, recorded_at, recorded_by, source)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(eventId, personId, status.name(), reason, Timestamp.from(recordedAt), recordedBy,
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

    /**
     * A walk-in's roll-call line (an event open to walk-ins, a person who was not invited), named as the organisation
     * module names the person; {@code on conflict do nothing} on (event_id, person_id), so racing sign-ins write one line.
     */
    void addWalkIn(long eventId, long personId, String fallbackName) {
        String name = placements.of(personId).map(cn.hongxin.organisation.PersonPlacement::name).orElse(fallbackName);
        name = name == null || name.isBlank() ? "#" + personId : name.length() > 50 ? name.substring(0, 50) : name;
        try {
            jdbc.sql("insert into event_participant (event_id, person_id, person_name, walk_in) values (?, ?, ?, true)"
                            + " on conflict do nothing")
                    .params(eventId, personId, name)
                    .update();
        } catch (DataIntegrityViolationException raced) {
            // H2 may report the conflict with a concurrent, just-committed insert instead of skipping it.
        }
    }
}
