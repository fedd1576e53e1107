package cn.hongxin.events;

import java.time.LocalTime;

/** A series as pages see it; {@code averageRating} is over every feedback on its lectures (null without any). */
public record LectureSeriesView(long id, String name, long semesterId, String semesterName, long organiserUnitId,
                                String organiserUnitName, LocalTime startTime, LocalTime endTime, String place,
                                LectureTopic firstTopic, long lectureCount, Double averageRating) {
}
