package cn.hongxin.security;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository extends JpaRepository<AuditEntry, Long> {

    @Query("select e from AuditEntry e where (:actor = '' or e.actor = :actor)"
            + " and (:action = '' or e.action = :action)"
            + " and (:objectType = '' or e.objectType = :objectType)"
            + " and e.occurredAt >= :from and e.occurredAt < :to order by e.id desc")
    Page<AuditEntry> search(String actor, String action, String objectType, Instant from, Instant to,
                            Pageable pageable);
}
