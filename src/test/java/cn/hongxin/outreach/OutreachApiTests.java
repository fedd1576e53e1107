package cn.hongxin.outreach;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.events.EventService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;

import static cn.hongxin.support.ApiCalls.basic;
import static cn.hongxin.support.ApiCalls.readLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /api/v1/outreach and the outreach pages: permissions, the column's states and idempotent talks as JSON. */
@IntegrationTest
class OutreachApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OutreachFixtures fixtures;
    @Autowired
    TeamService team;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    OutreachFixtures.Dept dept;
    long speaker;

    @BeforeEach
    void setUp() {
        dept = fixtures.department();
        speaker = fixtures.teamMember(dept, team, "黄医生", TeamRole.LEADER, Speciality.MENTAL_HEALTH);
    }

    @Test
    void aMemberWithoutOutreachEditGets403OnTheApiAndThePages() throws Exception {
        String body = "{\"organiserUnitId\":" + dept.units().teachersBranch().id() + ",\"title\":\"x\"}";
        mvc.perform(get("/api/v1/outreach/team").with(basic(dept.member()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/outreach/talks").with(basic(dept.member())).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/outreach/column/issues").with(basic(dept.member()))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        for (String page : new String[] {"/outreach/team", "/outreach/column", "/outreach/talks", "/outreach/talks/new"}) {
            mvc.perform(get(page).with(accounts.as(dept.member()))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(accounts.as(dept.secretary()))).andExpect(status().isOk());
        }
    }

    @Test
    void aTalkPostedTwiceWithTheSameKeyIsRecordedOnce() throws Exception {
        String title = "急救知识进课堂 " + UUID.randomUUID();
        String start = LocalDateTime.now(EventService.ZONE).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        String body = """
                {"organiserUnitId": %d, "title": "%s", "startsAt": "%s", "place": "技能中心",
                 "setting": "CAMPUS", "topic": "心肺复苏与AED", "audience": 160, "speakerPersonIds": [%d], "held": true}"""
                .formatted(dept.units().teachersBranch().id(), title, start, speaker);
        String key = UUID.randomUUID().toString();
        MvcResult first = mvc.perform(post("/api/v1/outreach/talks").with(basic(dept.secretary()))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.audience").value(160)).andReturn();
        long eventId = readLong(first, "$.eventId");
        mvc.perform(post("/api/v1/outreach/talks").with(basic(dept.secretary())).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.eventId").value(eventId));
        assertThat(jdbc.sql("select count(*) from event where title = :t").param("t", title).query(Long.class).single())
                .isEqualTo(1);
        mvc.perform(get("/api/v1/outreach/talks/{id}", eventId).with(basic(dept.secretary())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.setting").value("CAMPUS"));
    }

    @Test
    void theColumnMovesOverTheApiAndAnIllegalMoveAnswers400WithTheReason() throws Exception {
        String secretary = dept.secretary();
        MvcResult issue = mvc.perform(post("/api/v1/outreach/column/issues").with(basic(secretary))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitId": %d, "issueNo": "第88期", "issueDate": "%s"}"""
                        .formatted(dept.units().teachersBranch().id(), java.time.LocalDate.now(EventService.ZONE))))
                .andExpect(status().isCreated()).andReturn();
        MvcResult piece = mvc.perform(post("/api/v1/outreach/column/pieces").with(basic(secretary))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"issueId": %d, "topic": "冬季流感防护", "authorPersonId": %d}"""
                        .formatted(readLong(issue, "$.id"), speaker)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("PLANNED")).andReturn();
        long id = readLong(piece, "$.id");
        mvc.perform(post("/api/v1/outreach/column/pieces/{id}/state", id).with(basic(secretary))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\": \"PUBLISHED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("outreach.piece.move.notWritten"))
                .andExpect(jsonPath("$.detail", containsString("尚未交稿")));
        mvc.perform(multipart("/api/v1/outreach/column/pieces/{id}/article", id)
                        .file(new MockMultipartFile("file", "流感.pdf", "application/pdf", OutreachFixtures.pdf().readAllBytes()))
                        .with(basic(secretary)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fileName").value("流感.pdf"));
        mvc.perform(post("/api/v1/outreach/column/pieces/{id}/state", id).with(basic(secretary))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\": \"WRITTEN\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("WRITTEN"));
        mvc.perform(post("/api/v1/outreach/column/pieces/{id}/state", id).with(basic(secretary))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\": \"PLANNED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(get("/api/v1/outreach/column/pieces/{id}", id).with(basic(secretary)))
                .andExpect(jsonPath("$.state").value("WRITTEN"));
        // The article is readable by the column's keepers only.
        long fileId = readLong(mvc.perform(get("/api/v1/outreach/column/pieces/{id}", id).with(basic(secretary)))
                .andReturn(), "$.fileId");
        OutreachFixtures.Dept other = fixtures.department();
        mvc.perform(get("/files/{id}", fileId).with(accounts.as(secretary))).andExpect(status().isOk());
        mvc.perform(get("/files/{id}", fileId).with(accounts.as(other.secretary()))).andExpect(status().isNotFound());
    }
}
