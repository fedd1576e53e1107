package cn.hongxin.organisation;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "semester")
class Semester {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long academicYearId;
    private String name;
    private int ordinal;
    private LocalDate startDate;
    private LocalDate endDate;
    private int teachingWeeks;

    protected Semester() {
    }

    Semester(Long academicYearId, String name, int ordinal, LocalDate startDate, LocalDate endDate,
             int teachingWeeks) {
        this.academicYearId = academicYearId;
        this.name = name;
        this.ordinal = ordinal;
        this.startDate = startDate;
        this.endDate = endDate;
        this.teachingWeeks = teachingWeeks;
    }

    SemesterView toView() {
        return new SemesterView(id, academicYearId, name, ordinal, startDate, endDate, teachingWeeks);
    }

    Long getAcademicYearId() { return academicYearId; }
}
