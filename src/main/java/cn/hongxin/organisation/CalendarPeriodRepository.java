package cn.hongxin.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarPeriodRepository extends JpaRepository<CalendarPeriod, Long> {

    List<CalendarPeriod> findByAcademicYearIdOrderByStartDate(Long academicYearId);
}
