package cn.hongxin.mentoring;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.security.FieldCipher;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may read a pair's sensitive record: its two teachers, the teachers' branch secretary and the general
 * branch secretary; not another teacher, the student, the students' branch secretary or a system administrator,
 * neither through the service, the pages nor the API. Every read and every refusal is audited; the record is
 * encrypted at rest.
 */
@IntegrationTest
class MentoringAccessTests {

    static final String GOALS = "本学期补齐两门不及格课程，申请助学金";
    static final String CONTENT = "在图书馆与学生谈心，了解到家里父亲生病住院，情绪低落" + UUID.randomUUID();
    static final String NEXT = "联系辅导员申请临时困难补助";
    static final String NOTE = "睡眠仍不太好，建议到心理中心预约咨询";

    @Autowired
    MentoringFixtures fixtures;
    @Autowired
    MentoringService mentoring;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldCipher cipher;

    MentoringFixtures.Cast c;
    long pairId;
    HelpRecordView help;
    CheckInView checkIn;

    @BeforeEach
    void pair() {
        c = fixtures.cast();
        pairId = fixtures.pair(c, 20);
        help = accounts.runAs(c.leadAccount(), () -> mentoring.logHelpRecord(pairId, new NewHelpRecord(
                UUID.randomUUID().toString(), MentoringService.today(), HelpMode.VISIT, CONTENT, NEXT)));
        checkIn = accounts.runAs(c.partnerAccount(), () -> mentoring.recordCheckIn(pairId, new NewCheckIn(
                UUID.randomUUID().toString(), MentoringService.today(), 3, 2, 4, NOTE)));
    }

    List<String> readers() {
        return List.of(c.leadAccount(), c.partnerAccount(), c.teachersSecretary(), c.generalSecretary());
    }

    List<String> outsiders() {
        return List.of(c.otherTeacherAccount(), c.studentAccount(), c.studentsSecretary(), c.sysadmin());
    }

    @Test
    void thePairsTeachersAndTheResponsibleSecretariesReadEveryReadAudited() throws Exception {
        for (String reader : readers()) {
            long before = fixtures.auditRows(reader, "REVEAL", pairId);
            PairDetail d = accounts.runAs(reader, () -> mentoring.detail(pairId));
            assertThat(d.goals()).isEqualTo(GOALS);
            assertThat(d.careNeeds()).containsExactlyInAnyOrder(CareNeed.STUDY, CareNeed.FINANCIAL);
            assertThat(d.helpRecords()).singleElement().satisfies(h -> {
                assertThat(h.content()).isEqualTo(CONTENT);
                assertThat(h.nextStep()).isEqualTo(NEXT);
            });
            assertThat(d.checkIns()).singleElement().satisfies(ci -> {
                assertThat(ci.note()).isEqualTo(NOTE);
                assertThat(ci.score()).isEqualByComparingTo("3.00");
            });
            mvc.perform(get("/mentoring/pairs/" + pairId).with(accounts.as(reader)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(CONTENT)))
                    .andExpect(content().string(containsString(GOALS)));
            mvc.perform(get("/api/v1/mentoring/pairs/" + pairId).with(accounts.as(reader)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(NOTE)));
            mvc.perform(get("/api/v1/mentoring/pairs/" + pairId + "/help-records").with(accounts.as(reader)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(CONTENT)));
            mvc.perform(get("/api/v1/mentoring/pairs/" + pairId + "/check-ins").with(accounts.as(reader)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(NOTE)));
            assertThat(fixtures.auditRows(reader, "REVEAL", pairId)).as("reads audited for " + reader)
                    .isEqualTo(before + 5);
        }
    }

    @Test
    void nobodyElseReadsAWordOfItAndEachAttemptIsAudited() throws Exception {
        for (String outsider : outsiders()) {
            long denied = fixtures.auditRows(outsider, "ACCESS_DENIED", pairId);
            assertThatThrownBy(() -> accounts.runAs(outsider, () -> mentoring.detail(pairId)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accounts.runAs(outsider, () -> mentoring.helpRecords(pairId)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accounts.runAs(outsider, () -> mentoring.checkIns(pairId)))
                    .isInstanceOf(NotFoundException.class);
            mvc.perform(get("/mentoring/pairs/" + pairId).with(accounts.as(outsider)))
                    .andExpect(status().isNotFound()).andExpect(content().string(not(containsString(CONTENT))))
                    .andExpect(content().string(not(containsString(GOALS))));
            for (String path : List.of("", "/help-records", "/check-ins")) {
                mvc.perform(get("/api/v1/mentoring/pairs/" + pairId + path).with(accounts.as(outsider)))
                        .andExpect(status().isNotFound()).andExpect(content().string(not(containsString(CONTENT))))
                        .andExpect(content().string(not(containsString(NOTE))));
            }
            mvc.perform(get("/me/mentoring").with(accounts.as(outsider)))
                    .andExpect(status().isOk()).andExpect(content().string(not(containsString(CONTENT))))
                    .andExpect(content().string(not(containsString(GOALS))));
            assertThat(fixtures.auditRows(outsider, "ACCESS_DENIED", pairId)).as("refusals audited for " + outsider)
                    .isEqualTo(denied + 7);
            assertThat(fixtures.auditRows(outsider, "REVEAL", pairId)).isZero();
            // Nor may they write to it.
            assertThatThrownBy(() -> accounts.runAs(outsider, () -> mentoring.logHelpRecord(pairId, new NewHelpRecord(
                    UUID.randomUUID().toString(), MentoringService.today(), HelpMode.TALK, "x", null))))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from mentoring_help_record where pair_id = ?", Long.class, pairId))
                .isEqualTo(1);
    }

    @Test
    void theStudentSeesTheTeachersAndMeetingDatesOnly() throws Exception {
        MyMentoring mine = accounts.runAs(c.studentAccount(), () -> mentoring.mine());
        assertThat(mine.teaching()).isEmpty();
        assertThat(mine.mentored()).singleElement().satisfies(s -> {
            assertThat(s.leadName()).isEqualTo("杨建华");
            assertThat(s.partnerName()).isEqualTo("周晓梅");
            assertThat(s.meetingDates()).containsExactly(MentoringService.today());
        });
        mvc.perform(get("/me/mentoring").with(accounts.as(c.studentAccount())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("杨建华")))
                .andExpect(content().string(containsString(MentoringService.today().toString())))
                .andExpect(content().string(not(containsString(CONTENT))))
                .andExpect(content().string(not(containsString(NEXT))))
                .andExpect(content().string(not(containsString("help-form-")))); // no form for the student
        mvc.perform(get("/me/mentoring").with(accounts.as(c.otherTeacherAccount())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("mentoring-empty")));
        mvc.perform(get("/me/mentoring").with(accounts.as(c.partnerAccount())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("help-form-" + pairId)))
                .andExpect(content().string(not(containsString(CONTENT))));
    }

    @Test
    void listsShowNoNarrativeAndOnlyTheResponsibleSecretariesListThePair() throws Exception {
        mvc.perform(get("/mentoring").with(accounts.as(c.generalSecretary())).param("q", "陈思远"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-pair-id=\"" + pairId + "\"")))
                .andExpect(content().string(not(containsString(CONTENT))))
                .andExpect(content().string(not(containsString(GOALS))));
        mvc.perform(get("/api/v1/mentoring/pairs").with(accounts.as(c.teachersSecretary())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"id\":" + pairId)))
                .andExpect(content().string(not(containsString(CONTENT))))
                .andExpect(content().string(not(containsString(GOALS))));
        mvc.perform(get("/mentoring").with(accounts.as(c.studentsSecretary())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("data-pair-id=\"" + pairId + "\""))));
        mvc.perform(get("/mentoring").with(accounts.as(c.sysadmin()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/mentoring/pairs").with(accounts.as(c.sysadmin()))).andExpect(status().isForbidden());
        mvc.perform(get("/mentoring").with(accounts.as(c.leadAccount()))).andExpect(status().isForbidden());
        List<MentoringLedgerRow> ledger = accounts.runAs(c.teachersSecretary(), () -> fixtures.ledger().visibleRows());
        assertThat(ledger).filteredOn(r -> r.pairId() == pairId).singleElement().satisfies(r -> {
            assertThat(r.checkIns()).isEqualTo(1);
            assertThat(r.helpRecordsByMonth()).singleElement().extracting(MentoringLedgerRow.MonthCount::count)
                    .isEqualTo(1);
            assertThat(r.firstScore()).isEqualByComparingTo("3.00");
            assertThat(r.toString()).doesNotContain(CONTENT).doesNotContain(GOALS);
        });
    }

    @Test
    void theSensitiveColumnsHoldNoPlaintext() {
        assertThatThrownBy(() -> accounts.runAs(c.partnerAccount(), () -> mentoring.close(pairId, new PairClosure(
                MentoringService.today(), OutcomeKind.IMPROVED, "x")))).isInstanceOf(
                org.springframework.security.access.AccessDeniedException.class);
        accounts.runAs(c.leadAccount(), () -> mentoring.close(pairId, new PairClosure(MentoringService.today(),
                OutcomeKind.IMPROVED, "成绩回升，已获助学金，情绪明显好转")));
        // A closed pair's record stays as it is.
        assertThatThrownBy(() -> fixtures.logHelp(c.leadAccount(), pairId, "结束后补记"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("mentoring.pair.closed");
        assertThatThrownBy(() -> accounts.runAs(c.leadAccount(), () -> mentoring.deleteHelpRecord(help.id())))
                .isInstanceOf(UserFacingException.class);
        Map<String, Object> pair = jdbc.queryForMap(
                "select care_needs_enc, goals_enc, outcome_enc from mentoring_pair where id = ?", pairId);
        Map<String, Object> record = jdbc.queryForMap(
                "select content_enc, next_step_enc from mentoring_help_record where id = ?", help.id());
        Map<String, Object> check = jdbc.queryForMap("select note_enc from mentoring_check_in where id = ?", checkIn.id());
        String raw = pair.values() + " " + record.values() + " " + check.values();
        for (String plain : List.of(GOALS, CONTENT, NEXT, NOTE, "成绩回升", "STUDY", "FINANCIAL", "图书馆", "助学金")) {
            assertThat(raw).as("no plaintext " + plain).doesNotContain(plain);
        }
        assertThat(cipher.decrypt((String) pair.get("goals_enc"))).isEqualTo(GOALS);
        assertThat(cipher.decrypt((String) record.get("content_enc"))).isEqualTo(CONTENT);
        assertThat(cipher.decrypt((String) check.get("note_enc"))).isEqualTo(NOTE);
        assertThat(cipher.decrypt((String) pair.get("outcome_enc"))).startsWith("成绩回升");
    }

    @Test
    void onlyThePairsTeachersWriteAndARepeatedRequestRecordsOnce() throws Exception {
        assertThatThrownBy(() -> accounts.runAs(c.generalSecretary(), () -> mentoring.logHelpRecord(pairId,
                new NewHelpRecord(UUID.randomUUID().toString(), MentoringService.today(), HelpMode.TALK, "x", null))))
                .isInstanceOf(UserFacingException.class);
        String requestId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/mentoring/pairs/" + pairId + "/help-records").with(accounts.as(c.partnerAccount()))
                            .with(csrf()).param("clientRequestId", requestId).param("back", "me")
                            .param("date", MentoringService.today().toString()).param("mode", "ONLINE")
                            .param("content", "微信视频交流学习计划").param("nextStep", ""))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.queryForObject("select count(*) from mentoring_help_record where pair_id = ?", Long.class, pairId))
                .isEqualTo(2);
        // A refused record saves nothing and says why, in the user's language.
        mvc.perform(post("/api/v1/mentoring/pairs/" + pairId + "/help-records").with(accounts.as(c.leadAccount()))
                        .header("Accept-Language", "en").contentType("application/json")
                        .content("{\"clientRequestId\":\"" + UUID.randomUUID() + "\",\"date\":\""
                                + MentoringService.today().plusDays(1) + "\",\"mode\":\"TALK\",\"content\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("cannot be after today")))
                .andExpect(content().string(containsString("Enter what was done")));
        assertThat(jdbc.queryForObject("select count(*) from mentoring_help_record where pair_id = ?", Long.class, pairId))
                .isEqualTo(2);
    }
}
