package cn.hongxin.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.ThreadLocalRandom;

import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.SemesterView;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/** A fresh academic year with one 16-week semester and a holiday covering its third Wednesday. */
class LectureSeriesFixtures {

    record Term(SemesterView semester, LocalDate holidayWednesday) {
    }

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final AcademicCalendar calendar;

    LectureSeriesFixtures(TestOrganisation org, TestAccounts accounts, AcademicCalendar calendar) {
        this.org = org;
        this.accounts = accounts;
        this.calendar = calendar;
    }

    Term term() {
        // Year names are unique in the shared database; the dates follow the name, far in the future.
        int first = ThreadLocalRandom.current().nextInt(2100, 9000);
        String name = first + "-" + (first + 1);
        LocalDate start = LocalDate.of(first, 9, 1);
        long yearId = accounts.runAs(org.admin(), () -> calendar.addYear(name, start, LocalDate.of(first + 1, 8, 31)));
        long semesterId = accounts.runAs(org.admin(), () -> calendar.addSemester(yearId, "第一学期", 1, start,
                LocalDate.of(first + 1, 1, 20), 16));
        LocalDate holiday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)).plusWeeks(2);
        accounts.runAs(org.admin(), () -> calendar.addPeriod(yearId, CalendarPeriodKind.HOLIDAY, null, "国庆节",
                holiday.minusDays(1), holiday.plusDays(1)));
        SemesterView semester = calendar.years().stream().filter(y -> y.id() == yearId)
                .flatMap(y -> y.semesters().stream()).filter(s -> s.id() == semesterId).findFirst().orElseThrow();
        return new Term(semester, holiday);
    }

    LectureSeriesForm form(EventFixtures.Branches b, Term term) {
        return new LectureSeriesForm("周三讲堂" + term.semester().startDate().getYear(), term.semester().id(),
                b.dept().studentsBranch().id(), LocalTime.of(14, 30), LocalTime.of(16, 0), "学术报告厅",
                LectureTopic.PARTY_LECTURE);
    }
}
