package cn.hongxin.events;

/** One invitee on the roll-call, with the attendance recorded so far ({@code null} when none). */
public record RollCallLine(long personId, String personName, AttendanceView attendance) {
}
