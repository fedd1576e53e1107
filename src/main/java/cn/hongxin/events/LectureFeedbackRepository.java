package cn.hongxin.events;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LectureFeedbackRepository extends JpaRepository<LectureFeedback, Long> {

    Optional<LectureFeedback> findByEventIdAndPersonId(long eventId, long personId);

    List<LectureFeedback> findByEventIdOrderByUpdatedAtDesc(long eventId);

    /** Rows of (event id, average rating, count) for the given lectures. */
    @Query("select f.eventId, avg(f.rating), count(f) from LectureFeedback f where f.eventId in :ids group by f.eventId")
    List<Object[]> averages(@Param("ids") Collection<Long> eventIds);

    @Query("select avg(f.rating) from LectureFeedback f where f.eventId in "
            + "(select l.eventId from Lecture l where l.seriesId = :seriesId)")
    Double seriesAverage(@Param("seriesId") long seriesId);
}
