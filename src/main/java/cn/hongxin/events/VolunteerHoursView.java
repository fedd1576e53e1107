package cn.hongxin.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Hours one person served at a volunteer event. */
public record VolunteerHoursView(long personId, String personName, BigDecimal hours, Instant recordedAt,
                                 String recordedBy) {
}
