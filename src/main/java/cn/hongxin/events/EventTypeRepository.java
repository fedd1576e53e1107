package cn.hongxin.events;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EventTypeRepository extends JpaRepository<EventType, Long> {

    List<EventType> findAllByOrderBySortOrderAscIdAsc();

    Optional<EventType> findByCodeIgnoreCase(String code);
}
