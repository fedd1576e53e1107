package cn.hongxin.events;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ResolutionRepository extends JpaRepository<Resolution, Long> {

    List<Resolution> findByEventIdOrderByIdAsc(long eventId);

    List<Resolution> findByEventIdInOrderByIdAsc(java.util.Collection<Long> eventIds);
}
