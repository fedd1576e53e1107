package cn.hongxin.events;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LectureSeriesRepository extends JpaRepository<LectureSeries, Long> {

    List<LectureSeries> findByOrganiserUnitPathStartingWithOrderByIdDesc(String prefix);

    boolean existsBySemesterIdAndOrganiserUnitId(long semesterId, long organiserUnitId);
}
