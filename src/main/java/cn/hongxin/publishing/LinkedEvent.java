package cn.hongxin.publishing;

import java.time.LocalDate;

/** An event an article reports on, with its title and day as they were when it was linked. */
public record LinkedEvent(long eventId, String title, LocalDate date) {
}
