package cn.hongxin.events;

import java.time.LocalDate;

/**
 * An attendance that counted (present or late) no longer does: corrected to excused or absent
 * ({@code status}), or deleted ({@code status} null).
 */
public record AttendanceRetracted(long eventId, String eventTypeCode, long personId, LocalDate date,
                                  AttendanceStatus status) {
}
