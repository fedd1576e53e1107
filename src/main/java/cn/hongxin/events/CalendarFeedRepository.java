package cn.hongxin.events;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarFeedRepository extends JpaRepository<CalendarFeed, Long> {

    List<CalendarFeed> findByAccountIdOrderByCreatedAtDescIdDesc(long accountId);

    Optional<CalendarFeed> findByTokenHash(String tokenHash);
}
