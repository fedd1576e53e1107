package cn.hongxin.events;

import java.time.LocalDate;

/** An attendance was recorded or corrected (sign-in or roll-call); {@code date} is the event's day. */
public record AttendanceRecorded(long eventId, String eventTypeCode, long personId, LocalDate date,
                                 AttendanceStatus status) {
}
