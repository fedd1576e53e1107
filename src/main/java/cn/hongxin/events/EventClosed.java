package cn.hongxin.events;

import java.time.LocalDate;

/** An event was closed (done): its day, organiser and how many attended. */
public record EventClosed(long eventId, String eventTypeCode, long organiserUnitId, LocalDate date,
                          long attendedCount) {
}
