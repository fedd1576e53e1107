package cn.hongxin.events;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LectureRepository extends JpaRepository<Lecture, Long> {

    List<Lecture> findBySeriesIdOrderByLectureDateAsc(long seriesId);

    long countBySeriesId(long seriesId);

    List<Lecture> findByEventIdIn(Collection<Long> eventIds);
}
