package cn.hongxin.events;

/**
 * An event's roll-call in numbers: its invitees (walk-ins included, as on the roll-call) and how many of them are
 * present, late, excused and absent; an invitee without an attendance counts as absent.
 */
public record RollCallSummary(long eventId, long invited, long present, long late, long excused, long absent) {

    /** An event nobody is invited to. */
    public static RollCallSummary empty(long eventId) {
        return new RollCallSummary(eventId, 0, 0, 0, 0, 0);
    }

    /** Present or late: those who took part. */
    public long attended() {
        return present + late;
    }
}
