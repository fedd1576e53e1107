package cn.hongxin.mentoring;

import java.time.LocalDate;

/** A check-in of the student's state on three scales from 1 (worrying) to 5 (good), with an optional note. */
public record NewCheckIn(String clientRequestId, LocalDate date, Integer study, Integer mood, Integer dailyLife,
                         String note) {
}
