package cn.hongxin.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A check-in with its overall score (the mean of the three scales), for authorised readers only. */
public record CheckInView(long id, long pairId, LocalDate date, int study, int mood, int dailyLife, BigDecimal score,
                          String note) {
}
