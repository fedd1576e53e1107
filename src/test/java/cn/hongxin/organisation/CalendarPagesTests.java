package cn.hongxin.organisation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CalendarPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AcademicCalendar calendar;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;

    @Test
    void addsAYearAndASemesterAndShowsTheCurrentTeachingWeek() throws Exception {
        String name = uniqueYearName();
        LocalDate today = LocalDate.now();
        mvc.perform(post("/org/calendar/years").with(csrf()).with(accounts.as(org.admin()))
                        .param("name", name).param("startDate", today.minusDays(60).toString())
                        .param("endDate", today.plusDays(300).toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/org/calendar"));
        AcademicYearView year = year(name);

        mvc.perform(post("/org/calendar/years/" + year.id() + "/semesters").with(csrf()).with(accounts.as(org.admin()))
                        .param("name", "第一学期").param("ordinal", "1")
                        .param("startDate", today.minusDays(15).toString())
                        .param("endDate", today.plusDays(110).toString()).param("teachingWeeks", "18"))
                .andExpect(status().is3xxRedirection());

        String html = page(get("/org/calendar"), org.admin());
        assertThat(html).contains(name + "学年", "第一学期", "第 3 教学周", "18 周");
        assertThat(year(name).semesters()).singleElement()
                .satisfies(s -> assertThat(s.teachingWeekOf(today)).isEqualTo(3));
    }

    @Test
    void aRefusedFormIsShownAgainOpenWithItsMessages() throws Exception {
        String name = uniqueYearName();
        String badName = page(post("/org/calendar/years").with(csrf()).param("name", "2025")
                .param("startDate", "2025-09-01").param("endDate", "2025-08-01"), org.admin());
        assertThat(badName).contains("学年格式应为", "结束日期不能早于开始日期", "data-autoshow=\"true\"", "value=\"2025\"");

        int first = Integer.parseInt(name.substring(0, 4));
        accounts.runAs(org.admin(), () -> calendar.addYear(name, LocalDate.of(first, 9, 1), LocalDate.of(first + 1, 8, 31)));
        long yearId = year(name).id();
        String badSemester = page(post("/org/calendar/years/" + yearId + "/semesters").with(csrf())
                .param("name", "第一学期").param("startDate", (first - 1) + "-09-01")
                .param("endDate", first + "-12-31").param("teachingWeeks", "40"), org.admin());
        assertThat(badSemester).contains("日期须在本学年的起止日期之内", "教学周数应在 1 到 30 之间")
                .contains("id=\"semester-modal-" + yearId + "\"");
        assertThat(badSemester).containsPattern("id=\"semester-modal-" + yearId + "\"[^>]*data-autoshow=\"true\"");
        assertThat(year(name).semesters()).isEmpty();

        String taken = page(post("/org/calendar/years").with(csrf()).param("name", name)
                .param("startDate", first + "-09-01").param("endDate", (first + 1) + "-08-31"), org.admin());
        assertThat(taken).contains("该学年已存在");
    }

    @Test
    void addsAndDeletesAPeriod() throws Exception {
        String name = uniqueYearName();
        int first = Integer.parseInt(name.substring(0, 4));
        accounts.runAs(org.admin(), () -> calendar.addYear(name, LocalDate.of(first, 9, 1), LocalDate.of(first + 1, 8, 31)));
        long yearId = year(name).id();

        mvc.perform(post("/org/calendar/years/" + yearId + "/periods").with(csrf()).with(accounts.as(org.admin()))
                        .param("kind", "WINDOW").param("code", "july_first").param("name", "七一")
                        .param("startDate", (first + 1) + "-06-15").param("endDate", (first + 1) + "-07-05"))
                .andExpect(status().is3xxRedirection());
        CalendarPeriodView period = year(name).periods().get(0);
        assertThat(period.code()).isEqualTo("JULY_FIRST");
        assertThat(page(get("/org/calendar"), org.admin())).contains("七一", "JULY_FIRST", "21 天", "重要节点");

        mvc.perform(post("/org/calendar/periods/" + period.id() + "/delete").with(csrf()).with(accounts.as(org.admin())))
                .andExpect(status().is3xxRedirection());
        assertThat(year(name).periods()).isEmpty();
    }

    @Test
    void onlyCalendarEditorsChangeTheCalendar() throws Exception {
        var dept = org.department();
        String secretary = accounts.create("stu-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        assertThat(page(get("/org/calendar"), secretary)).doesNotContain("id=\"year-add\"", "year-modal");
        mvc.perform(post("/org/calendar/years").with(csrf()).with(accounts.as(secretary)).param("name", uniqueYearName())
                        .param("startDate", "2030-09-01").param("endDate", "2031-08-31"))
                .andExpect(status().isForbidden());
        String member = accounts.create("member", EnumSet.of(Role.MEMBER), dept.studentsBranch().id());
        mvc.perform(get("/org/calendar").with(accounts.as(member))).andExpect(status().isForbidden());
    }

    private AcademicYearView year(String name) {
        return calendar.years().stream().filter(y -> y.name().equals(name)).findFirst().orElseThrow();
    }

    /** Year names are unique in the database the tests share; the dates need not match them. */
    static String uniqueYearName() {
        int first = ThreadLocalRandom.current().nextInt(2100, 9000);
        return first + "-" + (first + 1);
    }

    private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(accounts.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
