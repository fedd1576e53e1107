package cn.hongxin.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AcademicYearRepository extends JpaRepository<AcademicYear, Long> {

    List<AcademicYear> findAllByOrderByStartDateDesc();

    boolean existsByName(String name);
}
