package cn.hongxin.events;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.ApiCalls;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.support.ApiCalls.basic;
import static cn.hongxin.support.ApiCalls.readLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /api/v1/events, /api/v1/event-types and /api/v1/me/events: the same rules as the pages, as JSON. */
@IntegrationTest
class EventsApiTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
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
    ApiCalls api;

    @BeforeEach
    void setUp() {
        org.admin();
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        api = new ApiCalls(mvc);
    }

    @Test
    void aSecretaryRunsAMeetingFromPlanToMinutesOverTheApi() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        String sec = b.studentsSecretary();
        String start = LocalDateTime.now(EventService.ZONE).withSecond(0).withNano(0).format(LOCAL);

        MvcResult created = mvc.perform(post("/api/v1/events").with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content(eventJson(b, "十二月定期议党会议", start)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/events/")))
                .andExpect(jsonPath("$.event.title").value("十二月定期议党会议"))
                .andExpect(jsonPath("$.event.state").value("PLANNED"))
                .andExpect(jsonPath("$.event.type.code").value("REGULAR_PARTY_MEETING"))
                .andExpect(jsonPath("$.event.startsAt").value(startsWith(start)))
                .andExpect(jsonPath("$.event.invitedCount").value(2))
                .andExpect(jsonPath("$.canEdit").value(true))
                .andExpect(jsonPath("$.invitees[0].kind").value("UNIT"))
                .andExpect(jsonPath("$.attendanceSummary.invited").value(2))
                .andExpect(jsonPath("$.attendanceSummary.notRecorded").value(2))
                .andExpect(jsonPath("$.rollCall[*].personName", containsInAnyOrder("李红", "王强")))
                .andReturn();
        long id = readLong(created, "$.event.id");
        assertThat(jdbc.sql("select title from event where id = ?").param(id).query(String.class).single())
                .isEqualTo("十二月定期议党会议");

        mvc.perform(post("/api/v1/events/{id}/start", id).with(api.bearer(sec)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("UNDER_WAY"));
        mvc.perform(post("/api/v1/events/{id}/start", id).with(api.bearer(sec)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("event.start.refused"));

        // Excused without a reason: 400 naming the field, in Chinese by default; nothing recorded.
        mvc.perform(put("/api/v1/events/{id}/attendance/{p}", id, b.bob()).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"EXCUSED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("请假需填写事由"));
        assertThat(attendanceRows(id)).isZero();
        mvc.perform(put("/api/v1/events/{id}/attendance/{p}", id, b.bob()).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ABSENT_NOT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(put("/api/v1/events/{id}/attendance/{p}", id, b.bob()).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"EXCUSED\",\"reason\":\"临床见习\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXCUSED"))
                .andExpect(jsonPath("$.reason").value("临床见习"))
                .andExpect(jsonPath("$.source").value("MANUAL"));
        mvc.perform(put("/api/v1/events/{id}/attendance/{p}", id, b.alice()).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"LATE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LATE"));
        // Marking the same again changes nothing: still one row per person.
        mvc.perform(put("/api/v1/events/{id}/attendance/{p}", id, b.alice()).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"LATE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.newlyRecorded").value(false));
        assertThat(attendanceRows(id)).isEqualTo(2);
        mvc.perform(get("/api/v1/events/{id}/attendance", id).with(api.bearer(sec)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.personName == '王强')].attendance.reason").value(hasItem("临床见习")));

        mvc.perform(put("/api/v1/events/{id}/minutes", id).with(api.bearer(sec)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minutes\":\"一、传达学习文件精神；二、讨论发展对象。\",\"summary\":\"会议按议程完成\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minutes").value("一、传达学习文件精神；二、讨论发展对象。"))
                .andExpect(jsonPath("$.summary").value("会议按议程完成"));

        MvcResult resolution = mvc.perform(post("/api/v1/events/{id}/resolutions", id).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\":\"确定王强为发展对象\",\"assigneePersonId\":" + b.alice()
                                + ",\"dueOn\":\"2030-12-31\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assigneeName").value("李红"))
                .andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.dueOn").value("2030-12-31")).andReturn();
        long rid = readLong(resolution, "$.id");
        mvc.perform(post("/api/v1/events/{id}/resolutions", id).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("content"));
        mvc.perform(put("/api/v1/events/{id}/resolutions/{r}/state", id, rid).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(put("/api/v1/events/{id}/resolutions/{r}/state", id, rid).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"DONE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.doneAt").isNotEmpty());
        assertThat(jdbc.sql("select count(*) from resolution where event_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);

        mvc.perform(post("/api/v1/events/{id}/close", id).with(api.bearer(sec)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE"));
        mvc.perform(get("/api/v1/events/{id}", id).with(api.bearer(sec)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.event.state").value("DONE"))
                .andExpect(jsonPath("$.attendanceSummary.late").value(1))
                .andExpect(jsonPath("$.attendanceSummary.excused").value(1))
                .andExpect(jsonPath("$.attendanceSummary.present").value(0))
                .andExpect(jsonPath("$.attendanceSummary.notRecorded").value(0))
                .andExpect(jsonPath("$.resolutions[0].content").value("确定王强为发展对象"));
        mvc.perform(post("/api/v1/events/{id}/cancel", id).with(api.bearer(sec)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("event.cancel.refused"));
    }

    @Test
    void anIdempotencyKeySchedulesOnceAndAnswersTheFirstEventAgain() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        String sec = b.studentsSecretary();
        String start = LocalDateTime.now(EventService.ZONE).plusDays(2).withSecond(0).withNano(0).format(LOCAL);
        String key = java.util.UUID.randomUUID().toString();
        long before = eventsOf(b);
        MvcResult first = mvc.perform(post("/api/v1/events").with(api.bearer(sec)).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(eventJson(b, "重试的支委会", start)))
                .andExpect(status().isCreated()).andReturn();
        long id = readLong(first, "$.event.id");
        mvc.perform(post("/api/v1/events").with(api.bearer(sec)).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(eventJson(b, "重试的支委会", start)))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/v1/events/" + id))
                .andExpect(jsonPath("$.event.id").value(id));
        assertThat(eventsOf(b)).isEqualTo(before + 1);
        // Without a key every call schedules.
        mvc.perform(post("/api/v1/events").with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content(eventJson(b, "重试的支委会", start)))
                .andExpect(status().isCreated());
        assertThat(eventsOf(b)).isEqualTo(before + 2);
    }

    @Test
    void badEventInputAnswersFieldProblemsInTheCallersLanguageAndSavesNothing() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        String sec = b.studentsSecretary();
        long before = eventsOf(b);
        mvc.perform(post("/api/v1/events").with(api.bearer(sec)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("typeId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("organiserUnitId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("startsAt")))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value(hasItem("This field is required")));
        // A malformed time names the field.
        mvc.perform(post("/api/v1/events").with(api.bearer(sec)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"startsAt\":\"明天下午\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        // An organiser unit outside the secretary's scope is a field problem, not a new event.
        String start = LocalDateTime.now(EventService.ZONE).plusDays(1).format(LOCAL);
        mvc.perform(post("/api/v1/events").with(api.bearer(sec)).contentType(MediaType.APPLICATION_JSON)
                        .content(eventJson(b, "越权活动", start).replace(
                                "\"organiserUnitId\":" + b.dept().studentsBranch().id(),
                                "\"organiserUnitId\":" + b.dept().teachersBranch().id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organiserUnitId"));
        mvc.perform(get("/api/v1/events").param("from", "2026-12-01").param("to", "2026-11-01").with(api.bearer(sec)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/events").param("state", "SOMETIME").with(api.bearer(sec)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
        assertThat(eventsOf(b)).isEqualTo(before);
    }

    @Test
    void searchFindsByTypeUnitStateAndDatesWithinScopeOnly() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "THEMED_PARTY_DAY");
        long other = fixtures.schedule(b, "BRANCH_COMMITTEE_MEETING");
        String today = LocalDateTime.now(EventService.ZONE).toLocalDate().toString();
        mvc.perform(get("/api/v1/events").with(api.bearer(b.studentsSecretary()))
                        .param("unitId", String.valueOf(b.dept().studentsBranch().id()))
                        .param("typeId", String.valueOf(fixtures.typeId("THEMED_PARTY_DAY")))
                        .param("state", "PLANNED").param("from", today).param("to", today).param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.content[0].id").value(id));
        mvc.perform(get("/api/v1/events").with(api.bearer(b.studentsSecretary()))
                        .param("unitId", String.valueOf(b.dept().studentsBranch().id())).param("state", "DONE"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
        // The teachers' secretary searches the students' branch: nothing of it is in their scope.
        mvc.perform(get("/api/v1/events").with(api.bearer(b.teachersSecretary()))
                        .param("unitId", String.valueOf(b.dept().studentsBranch().id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/events").with(api.bearer(b.teachersSecretary())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) other))));
    }

    @Test
    void outOfScopeIs404AndMissingPermissionIs403() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "BRANCH_COMMITTEE_MEETING");
        String teachers = b.teachersSecretary();
        mvc.perform(get("/api/v1/events/{id}", id).with(api.bearer(teachers)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(post("/api/v1/events/{id}/start", id).with(api.bearer(teachers))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/events/{id}/attendance/{p}", id, b.alice()).with(api.bearer(teachers))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PRESENT\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/events/{id}/minutes", id).with(api.bearer(teachers))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"minutes\":\"篡改\"}"))
                .andExpect(status().isNotFound());
        assertThat(attendanceRows(id)).isZero();
        assertThat(jdbc.sql("select count(*) from event where id = ? and state = 'PLANNED' and minutes is null")
                .param(id).query(Long.class).single()).isEqualTo(1);

        // An invited member reads the event with their own line only, but may not run it or search.
        String alice = b.aliceAccount();
        mvc.perform(get("/api/v1/events/{id}", id).with(basic(alice)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.canEdit").value(false))
                .andExpect(jsonPath("$.attendanceSummary").doesNotExist())
                .andExpect(jsonPath("$.rollCall", hasSize(1)))
                .andExpect(jsonPath("$.rollCall[0].personName").value("李红"));
        mvc.perform(post("/api/v1/events/{id}/start", id).with(basic(alice)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/v1/events").with(basic(alice))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/events").with(basic(alice)).contentType(MediaType.APPLICATION_JSON)
                        .content(eventJson(b, "成员自建", LocalDateTime.now(EventService.ZONE).format(LOCAL))))
                .andExpect(status().isForbidden());
        // The teacher is not invited to the students' event: 404 for them.
        String teacher = fixtures.memberAccount(b.teacher());
        mvc.perform(get("/api/v1/events/{id}", id).with(basic(teacher))).andExpect(status().isNotFound());
        assertThat(eventsOf(b)).isEqualTo(1);
    }

    @Test
    void aMemberSeesTheirEventsAndSignsInOnce() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "THEMED_PARTY_DAY");
        String alice = b.aliceAccount();
        mvc.perform(get("/api/v1/me/events").with(basic(alice)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.upcoming[*].event.id", hasItem((int) id)))
                .andExpect(jsonPath("$.upcoming[?(@.event.id == " + id + ")].attendance").value(hasItem((Object) null)));
        mvc.perform(post("/api/v1/events/{id}/sign-in", id).with(basic(alice)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.newlyRecorded").value(true))
                .andExpect(jsonPath("$.personId").value(b.alice()));
        mvc.perform(post("/api/v1/events/{id}/sign-in", id).with(basic(alice)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.newlyRecorded").value(false));
        assertThat(attendanceRows(id)).isEqualTo(1);
        mvc.perform(get("/api/v1/me/events").with(basic(alice)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.upcoming[?(@.event.id == " + id + ")].attendance").value(hasItem("PRESENT")));
        // An account without a linked person has no events and cannot sign in.
        String cm = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), b.dept().studentsBranch().id());
        mvc.perform(get("/api/v1/me/events").with(api.bearer(cm)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.upcoming", hasSize(0)))
                .andExpect(jsonPath("$.past", hasSize(0)));
        mvc.perform(post("/api/v1/events/{id}/sign-in", id).with(api.bearer(cm)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Your account is not linked to a person and cannot sign in"));
    }

    @Test
    void contestResultsAndVolunteerHours() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        String sec = b.studentsSecretary();
        long contest = fixtures.schedule(b, "RED_SONG_CONTEST");
        MvcResult result = mvc.perform(post("/api/v1/events/{id}/results", contest).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + b.alice() + ",\"score\":95.5,\"rank\":1,\"award\":\"一等奖\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personName").value("李红"))
                .andExpect(jsonPath("$.rank").value(1))
                .andExpect(jsonPath("$.award").value("一等奖")).andReturn();
        mvc.perform(post("/api/v1/events/{id}/results", contest).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"teamName\":\"合唱团\",\"rank\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rank"));
        mvc.perform(get("/api/v1/events/{id}", contest).with(api.bearer(sec)))
                .andExpect(jsonPath("$.contestResults", hasSize(1)))
                .andExpect(jsonPath("$.contestResults[0].score").value(95.5));
        mvc.perform(delete("/api/v1/events/{id}/results/{r}", contest, readLong(result, "$.id")).with(api.bearer(sec)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/events/{id}/results", contest).with(api.bearer(sec)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));

        long service = fixtures.schedule(b, "VOLUNTEER_SERVICE");
        mvc.perform(put("/api/v1/events/{id}/volunteer-hours/{p}", service, b.bob()).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"hours\":30}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("hours"));
        mvc.perform(put("/api/v1/events/{id}/volunteer-hours/{p}", service, b.bob()).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"hours\":2.5}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personName").value("王强"))
                .andExpect(jsonPath("$.hours").value(2.5));
        assertThat(jdbc.sql("select count(*) from volunteer_hours where event_id = ?").param(service)
                .query(Long.class).single()).isEqualTo(1);
        // Hours on a contest are refused with the reason.
        mvc.perform(put("/api/v1/events/{id}/volunteer-hours/{p}", contest, b.bob()).with(api.bearer(sec))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"hours\":1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("event.volunteer.notVolunteer"));
    }

    @Test
    void eventTypesAreReadByEveryoneAndKeptByTheAdministrator() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        mvc.perform(get("/api/v1/event-types").with(basic(b.aliceAccount())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("REGULAR_PARTY_MEETING")))
                .andExpect(jsonPath("$[*].nameZh", hasItem("周三讲堂")));
        String code = "API" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String json = "{\"code\":\"" + code + "\",\"nameZh\":\"读书分享会\",\"nameEn\":\"Book sharing\","
                + "\"category\":\"ACTIVITY\",\"sortOrder\":300}";
        mvc.perform(post("/api/v1/event-types").with(api.bearer(b.studentsSecretary()))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isForbidden());
        String admin = org.admin();
        MvcResult created = mvc.perform(post("/api/v1/event-types").with(api.bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.active").value(true)).andReturn();
        long id = readLong(created, "$.id");
        mvc.perform(post("/api/v1/event-types").with(api.bearer(admin)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].code").value("event.type.code.taken"));
        mvc.perform(post("/api/v1/event-types").with(api.bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"x\",\"category\":\"PARTY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        assertThat(jdbc.sql("select count(*) from event_type where upper(code) = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(put("/api/v1/event-types/{id}", id).with(api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameZh\":\"红色读书分享会\",\"nameEn\":\"Red book sharing\",\"category\":\"ACTIVITY\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameZh").value("红色读书分享会"));
        mvc.perform(post("/api/v1/event-types/{id}/deactivate", id).with(api.bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(post("/api/v1/event-types/{id}/deactivate", id).with(basic(b.aliceAccount())))
                .andExpect(status().isForbidden());
        // A deactivated type is not offered for new events.
        String start = LocalDateTime.now(EventService.ZONE).plusDays(2).format(LOCAL);
        mvc.perform(post("/api/v1/events").with(api.bearer(b.studentsSecretary())).contentType(MediaType.APPLICATION_JSON)
                        .content(eventJson(b, "停用类型", start).replaceFirst("\"typeId\":\\d+", "\"typeId\":" + id)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("typeId"));
        mvc.perform(get("/api/v1/event-types/{id}", 999_999_999L).with(api.bearer(admin))).andExpect(status().isNotFound());
    }

    @Test
    void theOpenApiDocumentListsTheNewEndpoints() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/events'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/events'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/events/{id}/attendance/{personId}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/events/{id}/resolutions/{resolutionId}/state'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/event-types/{id}/deactivate'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/events'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/lecture-series/{id}/lectures/{eventId}/feedback'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/submissions/mine'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/submissions/{id}/reject'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/people'].get").exists());
    }

    private String eventJson(EventFixtures.Branches b, String title, String start) {
        return """
                {"typeId":%d,"organiserUnitId":%d,"title":"%s","hostPersonId":%d,"startsAt":"%s",
                 "place":"第一会议室","agenda":"一、学习；二、讨论","tags":["PARTY_AND_CAMPUS"],
                 "inviteUnitIds":[%d]}
                """.formatted(fixtures.typeId("REGULAR_PARTY_MEETING"), b.dept().studentsBranch().id(), title,
                b.alice(), start, b.dept().studentsBranch().id());
    }

    private long attendanceRows(long eventId) {
        return jdbc.sql("select count(*) from attendance where event_id = ?").param(eventId).query(Long.class).single();
    }

    private long eventsOf(EventFixtures.Branches b) {
        return jdbc.sql("select count(*) from event where organiser_unit_id in (?, ?)")
                .param(b.dept().studentsBranch().id()).param(b.dept().teachersBranch().id()).query(Long.class).single();
    }
}
