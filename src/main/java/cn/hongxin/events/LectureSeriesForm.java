package cn.hongxin.events;

import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;

/** Creating a Wednesday Lecture Hall series for a semester: times are local (Asia/Shanghai). */
public record LectureSeriesForm(String name, Long semesterId, Long organiserUnitId,
                                @DateTimeFormat(pattern = "HH:mm") LocalTime startTime,
                                @DateTimeFormat(pattern = "HH:mm") LocalTime endTime, String place,
                                LectureTopic firstTopic) {

    public static LectureSeriesForm empty() {
        return new LectureSeriesForm(null, null, null, LocalTime.of(14, 30), LocalTime.of(16, 0), null,
                LectureTopic.PARTY_LECTURE);
    }
}
