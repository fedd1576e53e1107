package cn.hongxin.evaluation;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.events.EventForm;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.ThreeCombination;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inspection ledgers: columns and totals match the records, formulas neutralised, permission, masking, audit. */
@IntegrationTest
class LedgerTests {

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
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    IndicatorCalculator calculator;

    TestOrganisation.Department dept;
    long alice;
    long bob;
    long carol;
    String secretary;
    long firstMeeting;

    @BeforeEach
    void records() {
        fixtures.year();
        dept = org.department();
        alice = fixtures.student(dept, "=1+2李红", PoliticalStatus.FULL_MEMBER);
        bob = fixtures.student(dept, "王强", PoliticalStatus.FULL_MEMBER);
        carol = fixtures.student(dept, "陈静", PoliticalStatus.PROBATIONARY_MEMBER);
        secretary = accounts.create("gsec", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
        firstMeeting = held("BRANCH_GENERAL_MEETING", "=HYPERLINK(\"http://x\")", LocalDateTime.of(2094, 3, 10, 14, 0),
                AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.LATE);
        held("PARTY_LECTURE", "+SUM(A1)", LocalDateTime.of(2094, 3, 20, 14, 0),
                AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED);
        held("PARTY_GROUP_MEETING", "@cmd", LocalDateTime.of(2094, 4, 8, 14, 0),
                AttendanceStatus.PRESENT, null, null);
        held("RED_SONG_CONTEST", "-1 红歌赛", LocalDateTime.of(2094, 4, 9, 14, 0),
                AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT);
        fixtures.personFact(alice, EvidenceKind.VOLUNTEER_HOURS, "VOLUNTEER_SERVICE", LocalDate.of(2094, 3, 2), "3.5");
        fixtures.personFact(alice, EvidenceKind.VOLUNTEER_HOURS, "VOLUNTEER_SERVICE", LocalDate.of(2094, 4, 2), "2");
        fixtures.personFact(bob, EvidenceKind.VOLUNTEER_HOURS, "VOLUNTEER_SERVICE", LocalDate.of(2094, 3, 2), "4");
        fixtures.personFact(carol, EvidenceKind.CHECK_IN, null, LocalDate.of(2094, 3, 5), "60");
        fixtures.personFact(carol, EvidenceKind.HELP_RECORD, null, LocalDate.of(2094, 3, 6), "1");
    }

    long held(String type, String title, LocalDateTime at, AttendanceStatus a, AttendanceStatus b, AttendanceStatus c) {
        return accounts.runAs(secretary, () -> {
            long typeId = types.byCode(type).orElseThrow().id();
            long id = events.schedule(new EventForm(typeId, dept.studentsBranch().id(), title, bob, null, null, at,
                    at.plusHours(2), "第一会议室", "学习", Set.of(ThreeCombination.PARTY_AND_CAMPUS),
                    List.of(dept.studentsBranch().id()), List.of(), List.of(), List.of()));
            events.start(id);
            if (a != null) {
                events.record(id, alice, a, reason(a));
            }
            if (b != null) {
                events.record(id, bob, b, reason(b));
            }
            if (c != null) {
                events.record(id, carol, c, reason(c));
            }
            events.close(id);
            return id;
        });
    }

    static String reason(AttendanceStatus s) {
        return s == AttendanceStatus.EXCUSED ? "病假" : null;
    }

    List<Sheet> ledger(String kind, boolean reveal, String user) throws Exception {
        byte[] file = mvc.perform(get("/evaluation/reports/ledgers/" + kind)
                        .param("unit", String.valueOf(dept.generalBranch().id())).param("on", "2094-05-01")
                        .param("reveal", String.valueOf(reveal)).with(accounts.as(user)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ReportController.XLSX.toString()))
                .andReturn().getResponse().getContentAsByteArray();
        ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file));
        return wb.getSheets().toList();
    }

    static List<Row> rows(Sheet s) throws Exception {
        return s.read();
    }

    @Test
    void theThreeMeetingsLedgerHasTheInspectorsColumnsAMonthASheetAndTotals() throws Exception {
        List<Sheet> sheets = ledger("THREE_MEETINGS_ONE_LESSON", false, secretary);
        assertThat(sheets).extracting(Sheet::getName).containsExactly("2094-03", "2094-04");
        List<Row> march = rows(sheets.get(0));
        assertThat(march.get(1).getCellText(0)).isEqualTo("序号");
        assertThat(List.of(march.get(1).getCellText(1), march.get(1).getCellText(4), march.get(1).getCellText(7),
                march.get(1).getCellText(8), march.get(1).getCellText(12)))
                .containsExactly("日期", "主题", "应到人数", "实到", "出席率");
        assertThat(march).hasSize(5);
        Row first = march.get(2);
        assertThat(first.getCellText(1)).isEqualTo("2094-03-10");
        assertThat(first.getCellText(3)).isEqualTo("支部党员大会");
        assertThat(first.getCellText(4)).as("formula neutralised").isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(first.getCellText(5)).as("host masked").isEqualTo("王*");
        assertThat(first.getCellText(7)).isEqualTo("3");
        assertThat(first.getCellText(8)).isEqualTo("1");
        assertThat(first.getCellText(9)).isEqualTo("1");
        assertThat(first.getCellText(11)).isEqualTo("1");
        assertThat(first.getCellText(12)).isEqualTo("66.7%");
        assertThat(march.get(3).getCellText(4)).isEqualTo("'+SUM(A1)");
        Row total = march.get(4);
        assertThat(total.getCellText(0)).isEqualTo("合计");
        assertThat(total.getCellText(1)).isEqualTo("2");
        assertThat(total.getCellText(7)).isEqualTo("6");
        assertThat(total.getCellText(8)).isEqualTo("3");
        assertThat(total.getCellText(10)).isEqualTo("1");
        assertThat(total.getCellText(12)).isEqualTo("66.7%");
        List<Row> april = rows(sheets.get(1));
        assertThat(april.get(2).getCellText(4)).isEqualTo("'@cmd");
        assertThat(april).as("the contest is an activity, not a meeting").hasSize(4);
    }

    @Test
    void theMeetingLedgerListsWhoCameMaskedUnlessRevealedAndAudited() throws Exception {
        long reveals = audits("REVEAL");
        long exports = audits("EXPORT");
        Row masked = rows(ledger("MEETINGS", false, secretary).get(0)).get(2);
        assertThat(masked.getCellText(13)).isEqualTo("'=*****、陈*");
        assertThat(masked.getCellText(14)).isEqualTo("王*");
        assertThat(audits("EXPORT")).isEqualTo(exports + 1);
        Row revealed = rows(ledger("MEETINGS", true, secretary).get(0)).get(2);
        assertThat(revealed.getCellText(13)).isEqualTo("'=1+2李红、陈静");
        assertThat(audits("REVEAL")).isEqualTo(reveals + 1);

        String committee = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());
        mvc.perform(get("/evaluation/reports/ledgers/MEETINGS").with(accounts.as(committee)))
                .andExpect(status().isForbidden());
        String branch = accounts.create("bs", EnumSet.of(Role.BRANCH_SECRETARY), dept.teachersBranch().id());
        mvc.perform(get("/evaluation/reports/ledgers/MEETINGS").param("unit", String.valueOf(dept.studentsBranch().id()))
                .with(accounts.as(branch))).andExpect(status().isNotFound());
    }

    @Test
    void theVolunteerLedgerTotalsMatchTheRecordsAndTheOthersFollow() throws Exception {
        List<Sheet> sheets = ledger("VOLUNTEER_HOURS", false, secretary);
        assertThat(sheets).extracting(Sheet::getName).containsExactly(dept.studentsBranch().name());
        List<Row> rows = rows(sheets.get(0));
        assertThat(rows).hasSize(6);
        assertThat(rows.get(2).getCellText(1)).isEqualTo("'=*****");
        assertThat(rows.get(2).getCellText(4)).isEqualTo("3.5");
        assertThat(rows.get(2).getCellText(5)).isEmpty();
        assertThat(rows.get(3).getCellText(5)).isEqualTo("5.5");
        assertThat(rows.get(4).getCellText(1)).isEqualTo("王*");
        assertThat(rows.get(4).getCellText(5)).isEqualTo("4");
        assertThat(rows.get(5).getCellText(0)).isEqualTo("合计");
        assertThat(rows.get(5).getCellText(1)).isEqualTo("2");
        assertThat(rows.get(5).getCellText(4)).isEqualTo("9.5");

        List<Row> mentoring = rows(ledger("MENTORING", false, secretary).get(0));
        assertThat(mentoring).hasSize(5);
        assertThat(mentoring.get(2).getCellText(2)).isEqualTo("学生状况记录");
        assertThat(mentoring.get(2).getCellText(3)).isEqualTo("陈*");
        assertThat(mentoring.get(2).getCellText(5)).isEqualTo("60");
        assertThat(mentoring.get(4).getCellText(2)).isEqualTo("帮扶记录1条，状况记录1条");

        List<Sheet> activities = ledger("ACTIVITIES", false, secretary);
        assertThat(activities).extracting(Sheet::getName).containsExactly("2094-04");
        assertThat(rows(activities.get(0)).get(2).getCellText(4)).isEqualTo("'-1 红歌赛");

        assertThat(LedgerWorkbook.safe("=A1")).isEqualTo("'=A1");
        assertThat(LedgerWorkbook.safe("\tx")).isEqualTo("'\tx");
        assertThat(LedgerWorkbook.safe("\rx")).isEqualTo("'\rx");
        assertThat(LedgerWorkbook.safe("李红")).isEqualTo("李红");
    }

    @Test
    void theEventAggregatesOfIndicatorsCountThePlanAndTheInvitees() {
        cn.hongxin.compliance.Period spring = new cn.hongxin.compliance.Period(cn.hongxin.brand.PeriodKind.SEMESTER,
                EvaluationFixtures.SPRING_START, EvaluationFixtures.SPRING_END, "spring");
        List<String> meetings = List.of("BRANCH_GENERAL_MEETING", "PARTY_GROUP_MEETING", "PARTY_LECTURE");
        accounts.runAs(secretary, () -> {
            IndicatorCalculator.Run run = calculator.run(EvaluationFixtures.SPRING_END);
            assertThat(run.side(new cn.hongxin.brand.IndicatorSelector(cn.hongxin.brand.IndicatorAggregate.EVENTS_PLANNED,
                    null, meetings, null), spring, dept.generalBranch())).isEqualByComparingTo("3");
            assertThat(run.side(new cn.hongxin.brand.IndicatorSelector(cn.hongxin.brand.IndicatorAggregate.EVENTS_INVITED,
                    null, meetings, null), spring, dept.generalBranch())).isEqualByComparingTo("9");
            assertThat(run.side(new cn.hongxin.brand.IndicatorSelector(cn.hongxin.brand.IndicatorAggregate.EVENTS_PLANNED,
                    null, List.of(), null), spring, dept.generalBranch())).as("every type").isEqualByComparingTo("4");
            long done = events.addResolution(firstMeeting, "整改学习记录", bob, LocalDate.of(2094, 4, 30));
            events.addResolution(firstMeeting, "补交心得", carol, LocalDate.of(2094, 5, 30));
            events.addResolution(firstMeeting, "下学期的事", carol, LocalDate.of(2094, 9, 30));
            events.setResolutionState(firstMeeting, done, cn.hongxin.events.ResolutionState.DONE);
            IndicatorCalculator.Run again = calculator.run(EvaluationFixtures.SPRING_END);
            assertThat(again.side(new cn.hongxin.brand.IndicatorSelector(cn.hongxin.brand.IndicatorAggregate.RESOLUTIONS_DUE,
                    null, List.of(), null), spring, dept.generalBranch())).as("due in the semester").isEqualByComparingTo("2");
            assertThat(again.side(new cn.hongxin.brand.IndicatorSelector(
                    cn.hongxin.brand.IndicatorAggregate.RESOLUTIONS_ON_TIME, null, List.of(), null), spring,
                    dept.generalBranch())).isEqualByComparingTo("1");
        });
    }

    long audits(String action) {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'evaluation_ledger' and action = ?")
                .param(action).query(Long.class).single();
    }
}
