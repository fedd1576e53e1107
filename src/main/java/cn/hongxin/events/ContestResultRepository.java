package cn.hongxin.events;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContestResultRepository extends JpaRepository<ContestResult, Long> {

    List<ContestResult> findByEventIdOrderByRankNoAscIdAsc(long eventId);
}
