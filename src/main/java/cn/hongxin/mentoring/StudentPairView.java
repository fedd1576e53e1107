package cn.hongxin.mentoring;

import java.time.LocalDate;
import java.util.List;

/** What a mentored student sees of their pair: the two teachers and the days they met, nothing of the notes. */
public record StudentPairView(long pairId, String leadName, String partnerName, LocalDate startedOn, PairState state,
                              List<LocalDate> meetingDates) {
}
