package cn.hongxin.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;

/** Academic years, semesters with teaching weeks, holidays and named windows. */
@Service
public class AcademicCalendar {

    private final AcademicYearRepository years;
    private final SemesterRepository semesters;
    private final CalendarPeriodRepository periods;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    AcademicCalendar(AcademicYearRepository years, SemesterRepository semesters, CalendarPeriodRepository periods,
                     CurrentUsers currentUsers, AuditTrail audit) {
        this.years = years;
        this.semesters = semesters;
        this.periods = periods;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /** Every year, newest first, with its semesters and periods. */
    @Transactional(readOnly = true)
    public List<AcademicYearView> years() {
        return years.findAllByOrderByStartDateDesc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<SemesterView> semesterOn(LocalDate date) {
        return years().stream().flatMap(y -> y.semesters().stream()).filter(s -> s.contains(date)).findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<AcademicYearView> yearOn(LocalDate date) {
        return years().stream().filter(y -> y.contains(date)).findFirst();
    }

    @Transactional
    public long addYear(String name, LocalDate start, LocalDate end) {
        currentUsers.require(Permission.CALENDAR_EDIT);
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || !name.strip().matches("\\d{4}-\\d{4}")) {
            problems.add(new FieldProblem("name", "calendar.year.name.invalid"));
        } else if (years.existsByName(name.strip())) {
            problems.add(new FieldProblem("name", "calendar.year.name.taken"));
        }
        checkRange(start, end, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AcademicYear year = years.save(new AcademicYear(name.strip(), start, end));
        audit.record(AuditAction.CREATE, "academic_year", year.getId(), AuditOutcome.SUCCESS, name);
        return year.getId();
    }

    @Transactional
    public long addSemester(long yearId, String name, int ordinal, LocalDate start, LocalDate end,
                            int teachingWeeks) {
        currentUsers.require(Permission.CALENDAR_EDIT);
        AcademicYear year = years.findById(yearId).orElseThrow(() -> new NotFoundException("academic year", yearId));
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "validation.required"));
        }
        checkRange(start, end, problems);
        if (start != null && end != null && (start.isBefore(year.getStartDate()) || end.isAfter(year.getEndDate()))) {
            problems.add(new FieldProblem("startDate", "calendar.outsideYear"));
        }
        if (teachingWeeks < 1 || teachingWeeks > 30) {
            problems.add(new FieldProblem("teachingWeeks", "calendar.weeks.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Semester s = semesters.save(new Semester(yearId, name.strip(), ordinal, start, end, teachingWeeks));
        audit.record(AuditAction.CREATE, "semester", s.toView().id(), AuditOutcome.SUCCESS, name);
        return s.toView().id();
    }

    @Transactional
    public long addPeriod(long yearId, CalendarPeriodKind kind, String code, String name, LocalDate start,
                          LocalDate end) {
        currentUsers.require(Permission.CALENDAR_EDIT);
        AcademicYear year = years.findById(yearId).orElseThrow(() -> new NotFoundException("academic year", yearId));
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "validation.required"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "validation.required"));
        }
        checkRange(start, end, problems);
        if (start != null && end != null && (start.isBefore(year.getStartDate()) || end.isAfter(year.getEndDate()))) {
            problems.add(new FieldProblem("startDate", "calendar.outsideYear"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CalendarPeriod p = periods.save(new CalendarPeriod(yearId, kind,
                code == null || code.isBlank() ? null : code.strip().toUpperCase(), name.strip(), start, end));
        audit.record(AuditAction.CREATE, "calendar_period", p.toView().id(), AuditOutcome.SUCCESS, name);
        return p.toView().id();
    }

    @Transactional
    public void deletePeriod(long id) {
        currentUsers.require(Permission.CALENDAR_EDIT);
        periods.findById(id).orElseThrow(() -> new NotFoundException("calendar period", id));
        periods.deleteById(id);
        audit.record(AuditAction.DELETE, "calendar_period", id, AuditOutcome.SUCCESS, null);
    }

    private AcademicYearView view(AcademicYear y) {
        return new AcademicYearView(y.getId(), y.getName(), y.getStartDate(), y.getEndDate(),
                semesters.findByAcademicYearIdOrderByOrdinal(y.getId()).stream().map(Semester::toView).toList(),
                periods.findByAcademicYearIdOrderByStartDate(y.getId()).stream().map(CalendarPeriod::toView)
                        .toList());
    }

    private static void checkRange(LocalDate start, LocalDate end, List<FieldProblem> problems) {
        if (start == null) {
            problems.add(new FieldProblem("startDate", "validation.required"));
        }
        if (end == null) {
            problems.add(new FieldProblem("endDate", "validation.required"));
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem("endDate", "calendar.range.invalid"));
        }
    }
}
