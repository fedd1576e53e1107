package cn.hongxin.events;

import java.time.Instant;

/** One person's attendance; {@code newlyRecorded} is false when the answer repeats an earlier record. */
public record AttendanceView(long eventId, long personId, AttendanceStatus status, String reason, Instant recordedAt,
                             String recordedBy, AttendanceSource source, boolean newlyRecorded) {
}
