package cn.hongxin.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SemesterRepository extends JpaRepository<Semester, Long> {

    List<Semester> findByAcademicYearIdOrderByOrdinal(Long academicYearId);
}
