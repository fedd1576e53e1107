package cn.hongxin.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A Wednesday Lecture Hall series: one organiser, one semester, one lecture per teaching-week Wednesday. */
@Entity
@Table(name = "lecture_series")
class LectureSeries {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private Long semesterId;
    private Long organiserUnitId;
    private String organiserUnitPath;
    private String organiserUnitName;
    private int weekday;
    private LocalTime startTime;
    private LocalTime endTime;
    private String place;
    @Enumerated(EnumType.STRING)
    private LectureTopic firstTopic;
    private Instant createdAt;
    private String createdBy;
    @Version
    private int version;

    protected LectureSeries() {
    }

    LectureSeries(String name, long semesterId, long organiserUnitId, String organiserUnitPath,
                  String organiserUnitName, LocalTime startTime, LocalTime endTime, String place,
                  LectureTopic firstTopic, String createdBy) {
        this.name = name;
        this.semesterId = semesterId;
        this.organiserUnitId = organiserUnitId;
        this.organiserUnitPath = organiserUnitPath;
        this.organiserUnitName = organiserUnitName;
        this.weekday = DayOfWeek.WEDNESDAY.getValue();
        this.startTime = startTime;
        this.endTime = endTime;
        this.place = place;
        this.firstTopic = firstTopic;
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    Long getId() { return id; }
    String getName() { return name; }
    Long getSemesterId() { return semesterId; }
    Long getOrganiserUnitId() { return organiserUnitId; }
    String getOrganiserUnitPath() { return organiserUnitPath; }
    String getOrganiserUnitName() { return organiserUnitName; }
    DayOfWeek getWeekday() { return DayOfWeek.of(weekday); }
    LocalTime getStartTime() { return startTime; }
    LocalTime getEndTime() { return endTime; }
    String getPlace() { return place; }
    LectureTopic getFirstTopic() { return firstTopic; }
    Instant getCreatedAt() { return createdAt; }
}
