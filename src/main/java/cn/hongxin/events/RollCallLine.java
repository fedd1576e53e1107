package cn.hongxin.events;

/**
 * One invitee on the roll-call, with the attendance recorded so far ({@code null} when none); {@code walkIn} for a
 * person who came uninvited to an event open to walk-ins.
 */
public record RollCallLine(long personId, String personName, AttendanceView attendance, boolean walkIn) {
}
