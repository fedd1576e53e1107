package cn.hongxin.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LectureSeriesPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    LectureSeriesService lectureSeries;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    AcademicCalendar calendar;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    PersonService people;

    EventFixtures fixtures;
    LectureSeriesFixtures terms;

    @BeforeEach
    void fixtures() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        terms = new LectureSeriesFixtures(org, accounts, calendar);
    }

    @Test
    void secretaryCreatesASeriesAssignsASpeakerAndAnAttendeeRatesTheLecture() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        String sec = b.studentsSecretary();
        assertThat(page(sec, "/events/series/new")).contains("id=\"series-form\"").contains("第一学期");

        MvcResult created = mvc.perform(post("/events/series").with(accounts.as(sec)).with(csrf())
                        .param("name", "学生支部周三讲堂").param("semesterId", String.valueOf(term.semester().id()))
                        .param("organiserUnitId", String.valueOf(b.dept().studentsBranch().id()))
                        .param("startTime", "14:30").param("endTime", "16:00").param("place", "学术报告厅")
                        .param("firstTopic", "PARTY_LECTURE"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/events/series/*")).andReturn();
        String url = created.getResponse().getRedirectedUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

        String detail = page(sec, url);
        assertThat(detail).contains("学生支部周三讲堂").contains("id=\"lectures-table\"").contains("党课")
                .contains("党的理论思想").contains("党风党纪").contains("第 1 周").doesNotContain("第 3 周")
                .contains("指定主讲/修改").contains("待定");
        assertThat(page(sec, "/events/series")).contains("学生支部周三讲堂");

        long lecture = accounts.runAs(sec, () -> lectureSeries.lectures(id)).get(0).eventId();
        assertThat(page(sec, url + "/lectures/" + lecture)).contains("id=\"lecture-form\"").contains("李红");
        mvc.perform(post(url + "/lectures/" + lecture).with(accounts.as(sec)).with(csrf())
                        .param("speakerPersonId", String.valueOf(b.alice())).param("title", "学习党章"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(sec, url)).contains("学习党章");

        // Alice attended; Bob did not.
        accounts.runAs(sec, () -> events.record(lecture, b.alice(), AttendanceStatus.PRESENT, null));
        assertThat(page(b.aliceAccount(), "/me/events")).contains("/events/" + lecture + "/feedback");
        assertThat(page(b.bobAccount(), "/me/events")).doesNotContain("/events/" + lecture + "/feedback");
        assertThat(page(b.aliceAccount(), "/events/" + lecture + "/feedback")).contains("id=\"feedback-form\"");
        assertThat(page(b.bobAccount(), "/events/" + lecture + "/feedback")).contains("id=\"feedback-not-allowed\"")
                .doesNotContain("id=\"feedback-form\"");

        assertThat(page(mvc.perform(post("/events/" + lecture + "/feedback").with(accounts.as(b.aliceAccount()))
                .with(csrf()).param("rating", "9")))).contains("请选择 1 到 5 分");
        mvc.perform(post("/events/" + lecture + "/feedback").with(accounts.as(b.aliceAccount())).with(csrf())
                        .param("rating", "4").param("comment", "很受启发"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(b.aliceAccount(), "/events/" + lecture + "/feedback")).contains("很受启发");
        assertThat(page(mvc.perform(post("/events/" + lecture + "/feedback").with(accounts.as(b.bobAccount()))
                .with(csrf()).param("rating", "5")))).contains("只有出席");
        assertThat(page(sec, url)).contains("4.0");
    }

    @Test
    void anotherBranchesSecretaryGetsNotFound() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        long id = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));
        long lecture = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id)).get(0).eventId();

        mvc.perform(get("/events/series/" + id).with(accounts.as(b.teachersSecretary()))).andExpect(status().isNotFound());
        mvc.perform(get("/events/series/" + id + "/lectures/" + lecture).with(accounts.as(b.teachersSecretary())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/events/series/" + id + "/regenerate").with(accounts.as(b.teachersSecretary())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(page(b.teachersSecretary(), "/events/series")).doesNotContain(terms.form(b, term).name());
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(accounts.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
