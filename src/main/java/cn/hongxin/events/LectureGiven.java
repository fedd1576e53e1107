package cn.hongxin.events;

import java.time.LocalDate;

/** A lecture-category event (周三讲堂, 党课 …) was closed; the speaker gave it on {@code date}. */
public record LectureGiven(long eventId, String eventTypeCode, long speakerPersonId, LocalDate date) {
}
