package cn.hongxin.events;

import java.time.LocalDate;

/** One generated lecture: its event, date, teaching week, topic kind, speaker and average rating. */
public record LectureView(long eventId, long seriesId, LocalDate date, int week, LectureTopic topic, String title,
                          Long speakerPersonId, String speakerName, EventState state, Double averageRating,
                          long feedbackCount) {
}
