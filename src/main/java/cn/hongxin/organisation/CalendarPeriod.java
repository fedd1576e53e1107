package cn.hongxin.organisation;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A holiday or a named window (七一, 十一, 清明) within an academic year. */
@Entity
@Table(name = "calendar_period")
class CalendarPeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long academicYearId;
    @Enumerated(EnumType.STRING)
    private CalendarPeriodKind kind;
    private String code;
    private String name;
    private LocalDate startDate;
    private LocalDate endDate;

    protected CalendarPeriod() {
    }

    CalendarPeriod(Long academicYearId, CalendarPeriodKind kind, String code, String name, LocalDate startDate,
                   LocalDate endDate) {
        this.academicYearId = academicYearId;
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    CalendarPeriodView toView() {
        return new CalendarPeriodView(id, academicYearId, kind, code, name, startDate, endDate);
    }

    Long getAcademicYearId() { return academicYearId; }
}
