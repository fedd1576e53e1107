package cn.hongxin.brand;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.AcademicYearView;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/** Brands for tests: a department of its own with the default template imported, and a calendar with its windows. */
@Component
public class BrandFixtures {

    /** A far academic year holding the named windows the default template refers to. */
    static final String WINDOW_YEAR = "2090-2091";

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final AcademicCalendar calendar;
    private final BrandService brands;
    private final ProgrammeService programmes;

    BrandFixtures(TestOrganisation org, TestAccounts accounts, AcademicCalendar calendar, BrandService brands,
                  ProgrammeService programmes) {
        this.org = org;
        this.accounts = accounts;
        this.calendar = calendar;
        this.brands = brands;
        this.programmes = programmes;
    }

    /** A brand with the default programme. */
    public record Branded(TestOrganisation.Department department, long brandId) {
    }

    /** Makes sure the calendar holds the windows JULY_FIRST, OCTOBER_FIRST and QINGMING. */
    public synchronized void windows() {
        accounts.runAs(org.admin(), () -> {
            Set<String> codes = calendar.years().stream().flatMap(y -> y.periods().stream())
                    .map(p -> p.code()).filter(c -> c != null).collect(Collectors.toSet());
            if (codes.containsAll(Set.of("JULY_FIRST", "OCTOBER_FIRST", "QINGMING"))) {
                return null;
            }
            long yearId = calendar.years().stream().filter(y -> y.name().equals(WINDOW_YEAR)).findFirst()
                    .map(AcademicYearView::id)
                    .orElseGet(() -> calendar.addYear(WINDOW_YEAR, LocalDate.of(2090, 9, 1), LocalDate.of(2091, 8, 31)));
            if (!codes.contains("OCTOBER_FIRST")) {
                calendar.addPeriod(yearId, CalendarPeriodKind.WINDOW, "OCTOBER_FIRST", "十一",
                        LocalDate.of(2090, 9, 20), LocalDate.of(2090, 10, 15));
            }
            if (!codes.contains("QINGMING")) {
                calendar.addPeriod(yearId, CalendarPeriodKind.WINDOW, "QINGMING", "清明",
                        LocalDate.of(2091, 3, 27), LocalDate.of(2091, 4, 9));
            }
            if (!codes.contains("JULY_FIRST")) {
                calendar.addPeriod(yearId, CalendarPeriodKind.WINDOW, "JULY_FIRST", "七一",
                        LocalDate.of(2091, 6, 15), LocalDate.of(2091, 7, 5));
            }
            return null;
        });
    }

    /** A new department whose general branch owns a brand with the default programme, imported strictly. */
    public Branded branded() {
        windows();
        TestOrganisation.Department dept = org.department();
        long brandId = accounts.runAs(org.admin(), () -> {
            long id = brands.create(dept.generalBranch().id(), new BrandForm("测试品牌", null, null, null, false)).id();
            programmes.importYaml(id, ProgrammeYamlTests.template());
            return id;
        });
        return new Branded(dept, brandId);
    }
}
