package cn.hongxin.events;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InviteeRuleRepository extends JpaRepository<InviteeRule, Long> {

    List<InviteeRule> findByEventIdOrderByIdAsc(long eventId);

    void deleteByEventId(long eventId);
}
