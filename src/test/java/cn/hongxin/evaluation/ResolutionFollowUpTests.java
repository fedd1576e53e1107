package cn.hongxin.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.brand.IndicatorDefinition;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.ProgrammeCatalog;
import cn.hongxin.compliance.Period;
import cn.hongxin.events.EventForm;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.ResolutionState;
import cn.hongxin.events.ResolutionView;
import cn.hongxin.events.ThreeCombination;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.support.ApiCalls;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A follow-up recorded as done on the day it was done (not in the future, not before the meeting), and the
 * resolutions-on-time indicator over such follow-ups: on time when done on or before the due day.
 */
@IntegrationTest
class ResolutionFollowUpTests {

    @Autowired
    EvaluationFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    IndicatorCalculator calculator;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    ProgrammeCatalog catalog;
    @Autowired
    MockMvc mvc;

    TestOrganisation.Department dept;
    String secretary;
    LocalDate today;
    LocalDate meetingDay;
    long meeting;

    @BeforeEach
    void meetingTwentyDaysAgo() {
        fixtures.year();
        dept = org.department();
        long member = fixtures.student(dept, "落实甲", PoliticalStatus.FULL_MEMBER);
        secretary = accounts.create("bsec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        today = LocalDate.now(EventService.ZONE);
        meetingDay = today.minusDays(20);
        LocalDateTime at = meetingDay.atTime(LocalTime.of(14, 0));
        meeting = accounts.runAs(secretary, () -> {
            long typeId = types.byCode("BRANCH_GENERAL_MEETING").orElseThrow().id();
            long id = events.schedule(new EventForm(typeId, dept.studentsBranch().id(), "支部党员大会", member, null,
                    null, at, at.plusHours(2), "第一会议室", "学习", Set.of(ThreeCombination.PARTY_AND_CAMPUS),
                    List.of(dept.studentsBranch().id()), List.of(), List.of(), List.of()));
            events.start(id);
            events.close(id);
            return id;
        });
    }

    long resolution(String content, int dueDaysAgo) {
        return accounts.runAs(secretary, () -> events.addResolution(meeting, content, null,
                today.minusDays(dueDaysAgo)));
    }

    Map<Long, ResolutionView> resolutions() {
        return accounts.runAs(secretary, () -> events.resolutions(meeting)).stream()
                .collect(Collectors.toMap(ResolutionView::id, Function.identity()));
    }

    @Test
    void aFollowUpIsRecordedOnTheDayItWasDoneAndTheIndicatorCountsItOnTime() {
        long early = resolution("整理会议记录", 10);
        long late = resolution("上报发展材料", 10);
        long onTheDay = resolution("检查学习笔记", 5);
        long open = resolution("开展谈心谈话", 3);
        long notYetDue = resolution("筹备下次会议", -5);
        accounts.runAs(secretary, () -> {
            events.recordResolutionDone(meeting, early, today.minusDays(12));
            events.recordResolutionDone(meeting, late, today.minusDays(8));
            events.recordResolutionDone(meeting, onTheDay, today.minusDays(5));
            events.recordResolutionDone(meeting, notYetDue, null);
            return null;
        });
        Map<Long, ResolutionView> r = resolutions();
        assertThat(r.get(early).state()).isEqualTo(ResolutionState.DONE);
        assertThat(r.get(early).doneOn()).isEqualTo(today.minusDays(12));
        assertThat(r.get(early).late()).isFalse();
        assertThat(r.get(late).doneOn()).isEqualTo(today.minusDays(8));
        assertThat(r.get(late).late()).isTrue();
        assertThat(r.get(onTheDay).late()).as("done on the due day is on time").isFalse();
        assertThat(r.get(notYetDue).doneOn()).as("no day given: today").isEqualTo(today);
        assertThat(r.get(open).state()).isEqualTo(ResolutionState.OPEN);

        IndicatorDefinition onTime = catalog.indicators().stream().filter(d -> d.code().equals("RESOLUTIONS_ON_TIME"))
                .findFirst().orElseThrow();
        Period month = new Period(PeriodKind.SEMESTER, today.minusDays(30), today, "last 30 days");
        OrgUnitView unit = accounts.runAs(secretary, () -> evaluation.unit(dept.studentsBranch().id()));
        // due in the period and by today: early, late, onTheDay, open; on time: early and onTheDay
        assertThat(accounts.runAs(secretary, () -> calculator.run(today).value(onTime, month, unit)))
                .isEqualByComparingTo("50.0");
    }

    @Test
    void aDayInTheFutureOrBeforeTheMeetingIsRefusedAndChangesNothing() throws Exception {
        long id = resolution("整理会议记录", 10);
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> {
            events.recordResolutionDone(meeting, id, today.plusDays(1));
            return null;
        })).isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).problems())
                .extracting(p -> p.field() + ":" + p.messageKey())
                .containsExactly("doneOn:event.resolution.doneOn.future"));
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> {
            events.recordResolutionDone(meeting, id, meetingDay.minusDays(1));
            return null;
        })).isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).problems())
                .extracting(p -> p.field() + ":" + p.messageKey())
                .containsExactly("doneOn:event.resolution.doneOn.beforeMeeting"));
        assertThat(resolutions().get(id).state()).isEqualTo(ResolutionState.OPEN);
        assertThat(resolutions().get(id).doneAt()).isNull();

        // the page: the refusal in the user's language, then a day accepted
        mvc.perform(post("/events/{id}/resolutions/{r}/state", meeting, id).with(accounts.as(secretary)).with(csrf())
                        .param("state", "DONE").param("doneOn", meetingDay.minusDays(3).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("formError", "落实日期不能早于会议日期（" + meetingDay + "）"));
        mvc.perform(post("/events/{id}/resolutions/{r}/state", meeting, id).with(accounts.as(secretary)).with(csrf())
                        .param("state", "DONE").param("doneOn", "明天"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("formError", "落实日期格式不正确，请选择日期"));
        assertThat(resolutions().get(id).state()).isEqualTo(ResolutionState.OPEN);

        // the API in English
        ApiCalls api = new ApiCalls(mvc);
        mvc.perform(put("/api/v1/events/{id}/resolutions/{r}/state", meeting, id).with(api.bearer(secretary))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"DONE\",\"doneOn\":\"" + today.plusDays(2) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("doneOn"))
                .andExpect(jsonPath("$.errors[0].message").value("The day it was done cannot be after today"));
        assertThat(resolutions().get(id).state()).isEqualTo(ResolutionState.OPEN);

        mvc.perform(post("/events/{id}/resolutions/{r}/state", meeting, id).with(accounts.as(secretary)).with(csrf())
                        .param("state", "DONE").param("doneOn", today.minusDays(11).toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashSuccess"));
        assertThat(resolutions().get(id).doneOn()).isEqualTo(today.minusDays(11));
        mvc.perform(put("/api/v1/events/{id}/resolutions/{r}/state", meeting, id).with(api.bearer(secretary))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"OPEN\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("OPEN"));
        assertThat(resolutions().get(id).doneAt()).isNull();
    }

}
