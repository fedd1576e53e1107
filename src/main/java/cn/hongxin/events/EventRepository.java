package cn.hongxin.events;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EventRepository extends JpaRepository<Event, Long>, JpaSpecificationExecutor<Event> {

    @Query("select e from Event e where e.id in (select p.eventId from Participant p where p.personId = :personId)"
            + " order by e.startsAt desc")
    List<Event> findInvited(@Param("personId") long personId);

    @Query("select e from Event e where e.id in (select p.eventId from Participant p where p.personId = :personId)"
            + " and e.startsAt >= :from and e.startsAt < :to order by e.startsAt asc, e.id asc")
    List<Event> findInvitedBetween(@Param("personId") long personId, @Param("from") java.time.Instant from,
                                   @Param("to") java.time.Instant to);

    /** The event a user scheduled with this form's request id, if any. */
    java.util.Optional<Event> findByCreatedByAndClientRequestId(String createdBy, String clientRequestId);
}
