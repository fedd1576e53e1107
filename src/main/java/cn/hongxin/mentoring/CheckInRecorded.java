package cn.hongxin.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A check-in of a mentored student's state was recorded; score: the mean of its scales (1 to 5). */
public record CheckInRecorded(long checkInId, long pairId, long studentPersonId, LocalDate date, BigDecimal score) {
}
