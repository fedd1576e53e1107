package cn.hongxin.events;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttendanceRepository extends JpaRepository<Attendance, Long> {

    List<Attendance> findByEventId(long eventId);

    Optional<Attendance> findByEventIdAndPersonId(long eventId, long personId);

    List<Attendance> findByPersonIdAndEventIdIn(long personId, java.util.Collection<Long> eventIds);

    long countByEventIdAndStatusIn(long eventId, java.util.Collection<AttendanceStatus> statuses);

    List<Attendance> findTop8ByEventIdAndStatusInOrderByRecordedAtDescIdDesc(long eventId,
                                                                            java.util.Collection<AttendanceStatus> statuses);
}
