package cn.hongxin.notifications;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Queries take the recipient as an account id and a person id; an account without a person passes
 * {@link Inbox#NO_PERSON}, which matches no row (portable, unlike a nullable parameter in PostgreSQL).
 */
interface NotificationRepository extends JpaRepository<Notification, Long> {

    String MINE = "(n.recipientAccountId = :accountId or n.recipientPersonId = :personId)";

    @Query(value = "select n from Notification n where " + MINE + " order by n.createdAt desc, n.id desc",
            countQuery = "select count(n) from Notification n where " + MINE)
    Page<Notification> findMine(@Param("accountId") long accountId, @Param("personId") long personId,
                                Pageable pageable);

    @Query("select count(n) from Notification n where " + MINE + " and n.readAt is null")
    long countUnread(@Param("accountId") long accountId, @Param("personId") long personId);

    @Query("select n from Notification n where n.id = :id and " + MINE)
    Optional<Notification> findMine(@Param("id") long id, @Param("accountId") long accountId,
                                    @Param("personId") long personId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.readAt = :now where " + MINE + " and n.readAt is null")
    int markAllRead(@Param("accountId") long accountId, @Param("personId") long personId, @Param("now") Instant now);
}
