package cn.hongxin.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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

    /**
     * What a sign-in needs to know about an event and one person, read with one statement: the fields the phone
     * shows and the checks use, the type's code (for {@code AttendanceRecorded}), whether the person is invited, and
     * their attendance status ({@code null} without one). The QR sign-in path reads this instead of loading the
     * event, its type, the invitation and the attendance one by one through JPA: profiling the sign-in benchmark
     * (docs/benchmarks.md) found those loads among the largest costs of a sign-in.
     */
    record Target(long eventId, String title, Instant startsAt, Instant endsAt, String place,
                  String organiserUnitName, String organiserUnitPath, boolean walkInsOpen, EventState state,
                  String typeCode, boolean invited, AttendanceStatus attendance) {

        boolean signedIn() {
            return attendance != null && attendance.attended();
        }
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

    Optional<Target> target(long eventId, long personId) {
        return jdbc.sql("""
                        select e.title, e.starts_at, e.ends_at, e.place, e.organiser_unit_name, e.organiser_unit_path,
                               e.walk_ins_open, e.state, t.code,
                               case when exists (select 1 from event_participant p
                                                 where p.event_id = e.id and p.person_id = ?) then 1 else 0 end,
                               (select a.status from attendance a where a.event_id = e.id and a.person_id = ?)
                        from event e join event_type t on t.id = e.type_id
                        where e.id = ?""")
                .params(personId, personId, eventId)
                .query((rs, n) -> new Target(eventId, rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7), EventState.valueOf(rs.getString(8)), rs.getString(9),
                        rs.getInt(10) == 1,
                        rs.getString(11) == null ? null : AttendanceStatus.valueOf(rs.getString(11))))
                .optional();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
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

    /**
     * The roll-call summaries of the events whose organiser unit's path starts with {@code pathPrefix} (already
     * escaped for like), one statement per thousand ids; an event without invitees answers zeros, an unknown or
     * out-of-prefix event is left out. Counted as {@link EventService#rollCall} lists them: every participant once,
     * with their attendance when one is recorded.
     */
    java.util.Map<Long, RollCallSummary> summaries(java.util.Collection<Long> eventIds, String pathPrefix) {
        java.util.Map<Long, RollCallSummary> found = new java.util.HashMap<>();
        List<Long> ids = eventIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.sql("""
                            select e.id, count(p.id),
                                   sum(case when a.status = 'PRESENT' then 1 else 0 end),
                                   sum(case when a.status = 'LATE' then 1 else 0 end),
                                   sum(case when a.status = 'EXCUSED' then 1 else 0 end)
                            from event e
                            left join event_participant p on p.event_id = e.id
                            left join attendance a on a.event_id = p.event_id and a.person_id = p.person_id
                            where e.id in (:ids) and e.organiser_unit_path like :prefix escape '\\'
                            group by e.id""")
                    .param("ids", chunk)
                    .param("prefix", pathPrefix + "%")
                    .query((rs, n) -> {
                        long invited = rs.getLong(2);
                        long present = rs.getLong(3);
                        long late = rs.getLong(4);
                        long excused = rs.getLong(5);
                        return new RollCallSummary(rs.getLong(1), invited, present, late, excused,
                                invited - present - late - excused);
                    })
                    .list().forEach(r -> found.put(r.eventId(), r));
        }
        return found;
    }
}
