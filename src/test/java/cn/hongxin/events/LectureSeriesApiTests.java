package cn.hongxin.events;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.ApiCalls;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.support.ApiCalls.basic;
import static cn.hongxin.support.ApiCalls.read;
import static cn.hongxin.support.ApiCalls.readLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /api/v1/lecture-series: creating a series for a semester, assigning speakers, attendees' feedback. */
@IntegrationTest
class LectureSeriesApiTests {

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
    @Autowired
    JdbcClient jdbc;

    EventFixtures fixtures;
    LectureSeriesFixtures terms;
    ApiCalls api;

    @BeforeEach
    void setUp() {
        org.admin();
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        terms = new LectureSeriesFixtures(org, accounts, calendar);
        api = new ApiCalls(mvc);
    }

    @Test
    void aSeriesForASemesterGetsItsWednesdaysWithoutTheHolidayAndIsStaffedOverTheApi() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        String sec = b.studentsSecretary();

        mvc.perform(get("/api/v1/lecture-series/semesters").with(api.bearer(sec)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) term.semester().id())));
        MvcResult created = mvc.perform(post("/api/v1/lecture-series").with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content(seriesJson(b, term)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/lecture-series/")))
                .andExpect(jsonPath("$.series.name").value("周三讲堂API"))
                .andExpect(jsonPath("$.series.lectureCount").value(15))
                .andExpect(jsonPath("$.series.startTime").value("14:30:00"))
                .andExpect(jsonPath("$.lectures", hasSize(15)))
                .andExpect(jsonPath("$.lectures[*].date", not(hasItem(term.holidayWednesday().toString()))))
                .andExpect(jsonPath("$.lectures[0].week").value(1))
                .andExpect(jsonPath("$.lectures[0].topic").value("PARTY_LECTURE"))
                .andExpect(jsonPath("$.lectures[1].topic").value("THEORY"))
                .andExpect(jsonPath("$.lectures[2].topic").value("DISCIPLINE"))
                .andExpect(jsonPath("$.lectures[2].week").value(4))
                .andReturn();
        long id = readLong(created, "$.series.id");
        for (int i = 0; i < 15; i++) {
            assertThat(LocalDate.parse(read(created, "$.lectures[" + i + "].date")).getDayOfWeek())
                    .isEqualTo(DayOfWeek.WEDNESDAY);
        }
        assertThat(jdbc.sql("select count(*) from lecture where series_id = ?").param(id).query(Long.class).single())
                .isEqualTo(15);

        // The same semester again is a field problem, and adds nothing.
        mvc.perform(post("/api/v1/lecture-series").with(api.bearer(sec)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(seriesJson(b, term)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("semesterId"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("This organiser already has a Wednesday Lecture Hall series for this semester"));
        mvc.perform(post("/api/v1/lecture-series").with(api.bearer(sec)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"startTime\":\"16:00\",\"endTime\":\"15:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("semesterId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("organiserUnitId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("endTime")));
        mvc.perform(post("/api/v1/lecture-series").with(api.bearer(sec)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"startTime\":\"下午两点\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startTime"));
        assertThat(jdbc.sql("select count(*) from lecture_series where semester_id = ?").param(term.semester().id())
                .query(Long.class).single()).isEqualTo(1);

        long lecture = readLong(created, "$.lectures[1].eventId");
        mvc.perform(put("/api/v1/lecture-series/{id}/lectures/{e}", id, lecture).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"speakerPersonId\":" + b.teacher() + ",\"title\":\"学习党的二十大精神\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("speakerPersonId"));
        mvc.perform(put("/api/v1/lecture-series/{id}/lectures/{e}", id, lecture).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"speakerPersonId\":" + b.alice() + ",\"title\":\"学习党的二十大精神\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.speakerName").value("李红"))
                .andExpect(jsonPath("$.title").value("学习党的二十大精神"))
                .andExpect(jsonPath("$.topic").value("THEORY"));
        mvc.perform(get("/api/v1/lecture-series/{id}", id).with(api.bearer(sec)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lectures[1].speakerPersonId").value(b.alice()));
        mvc.perform(get("/api/v1/lecture-series").with(api.bearer(sec)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) id)));
        // A lecture of another series under this series' id is not found.
        mvc.perform(get("/api/v1/lecture-series/{id}/lectures/{e}", id + 100000, lecture).with(api.bearer(sec)))
                .andExpect(status().isNotFound());
    }

    @Test
    void outsideTheScopeIs404AndWithoutEventEditIs403() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        long id = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));
        long lecture = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id)).get(0).eventId();

        mvc.perform(get("/api/v1/lecture-series/{id}", id).with(api.bearer(b.teachersSecretary())))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/lecture-series").with(api.bearer(b.teachersSecretary())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        mvc.perform(put("/api/v1/lecture-series/{id}/lectures/{e}", id, lecture).with(api.bearer(b.teachersSecretary()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"speakerPersonId\":" + b.teacher() + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/lecture-series/{id}/lectures/{e}", id, lecture).with(basic(b.aliceAccount()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"speakerPersonId\":" + b.alice() + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/lecture-series").with(basic(b.aliceAccount())).contentType(MediaType.APPLICATION_JSON)
                        .content(seriesJson(b, terms.term())))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from event where id = ? and speaker_person_id is null").param(lecture)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAttendeeRatesALectureOnceAndOthersAreRefused() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        long id = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));
        long lecture = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id)).get(0).eventId();
        accounts.runAs(b.studentsSecretary(), () -> events.record(lecture, b.alice(), AttendanceStatus.PRESENT, null));
        String url = "/api/v1/lecture-series/" + id + "/lectures/" + lecture + "/feedback";

        mvc.perform(post(url).with(basic(b.bobAccount())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":4,\"comment\":\"好\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("lecture.feedback.notAttended"))
                .andExpect(jsonPath("$.detail").value("只有出席（含迟到）本次讲堂的人员才能评价"));
        mvc.perform(post(url).with(basic(b.aliceAccount())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":6}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rating"))
                .andExpect(jsonPath("$.errors[0].message").value("请选择 1 到 5 分"));
        mvc.perform(post(url).with(basic(b.aliceAccount())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":\"五星\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rating"));
        assertThat(feedbackRows(lecture)).isZero();

        mvc.perform(post(url).with(basic(b.aliceAccount())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":4,\"comment\":\"联系实际，很有收获\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rating").value(4))
                .andExpect(jsonPath("$.personId").value(b.alice()));
        mvc.perform(post(url).with(basic(b.aliceAccount())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":5,\"comment\":\"再次回味，更有体会\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rating").value(5));
        assertThat(feedbackRows(lecture)).isEqualTo(1);

        mvc.perform(get(url).with(api.bearer(b.studentsSecretary())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].comment").value("再次回味，更有体会"));
        mvc.perform(get("/api/v1/lecture-series/{id}", id).with(api.bearer(b.studentsSecretary())))
                .andExpect(jsonPath("$.series.averageRating").value(5.0))
                .andExpect(jsonPath("$.lectures[0].feedbackCount").value(1));
        // The teacher, not invited, does not even see the lecture.
        String teacher = fixtures.memberAccount(b.teacher());
        mvc.perform(post(url).with(basic(teacher)).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":3}"))
                .andExpect(status().isNotFound());
    }

    private String seriesJson(EventFixtures.Branches b, LectureSeriesFixtures.Term term) {
        return """
                {"name":"周三讲堂API","semesterId":%d,"organiserUnitId":%d,"startTime":"14:30","endTime":"16:00",
                 "place":"学术报告厅","firstTopic":"PARTY_LECTURE"}
                """.formatted(term.semester().id(), b.dept().studentsBranch().id());
    }

    private long feedbackRows(long eventId) {
        return jdbc.sql("select count(*) from lecture_feedback where event_id = ?").param(eventId).query(Long.class).single();
    }
}
