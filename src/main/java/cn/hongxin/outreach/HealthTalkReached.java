package cn.hongxin.outreach;

import java.time.LocalDate;

/**
 * A health talk that was held reached an audience; published again (same event id) when the audience size is
 * corrected.
 *
 * @param organiserUnitId the unit that organised the talk
 * @param date            the day of the talk
 * @param audience        the number of people reached
 */
public record HealthTalkReached(long eventId, long organiserUnitId, LocalDate date, int audience) {
}
