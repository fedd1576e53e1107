package cn.hongxin.events;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The link from a generated event to its series: the date, teaching week and topic kind it was generated for. */
@Entity
@Table(name = "lecture")
class Lecture {

    @Id
    private Long eventId;
    private Long seriesId;
    private LocalDate lectureDate;
    private int weekNo;
    @Enumerated(EnumType.STRING)
    private LectureTopic topicKind;

    protected Lecture() {
    }

    Lecture(long eventId, long seriesId, LocalDate lectureDate, int weekNo, LectureTopic topicKind) {
        this.eventId = eventId;
        this.seriesId = seriesId;
        this.lectureDate = lectureDate;
        this.weekNo = weekNo;
        this.topicKind = topicKind;
    }

    Long getEventId() { return eventId; }
    Long getSeriesId() { return seriesId; }
    LocalDate getLectureDate() { return lectureDate; }
    int getWeekNo() { return weekNo; }
    LectureTopic getTopicKind() { return topicKind; }
}
