package cn.hongxin.events;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ParticipantRepository extends JpaRepository<Participant, Long> {

    List<Participant> findByEventId(long eventId);

    Optional<Participant> findByEventIdAndPersonId(long eventId, long personId);

    boolean existsByEventIdAndPersonId(long eventId, long personId);

    long countByEventId(long eventId);
}
