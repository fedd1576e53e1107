package cn.hongxin.events;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface VolunteerHoursRepository extends JpaRepository<VolunteerHours, Long> {

    List<VolunteerHours> findByEventIdOrderByPersonNameAsc(long eventId);

    Optional<VolunteerHours> findByEventIdAndPersonId(long eventId, long personId);
}
