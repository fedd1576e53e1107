package cn.hongxin.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Volunteer hours were recorded (or changed) for a person at a volunteer event. */
public record VolunteerHoursRecorded(long eventId, String eventTypeCode, long personId, LocalDate date,
                                     BigDecimal hours) {
}
