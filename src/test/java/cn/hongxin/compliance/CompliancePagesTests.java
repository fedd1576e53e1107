package cn.hongxin.compliance;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.submissions.SubmissionKind;
import cn.hongxin.submissions.SubmissionVerified;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The compliance pages and API on the hand-built semester: the programme's status, the heat map, who is behind
 * (and its export), scope, and my checklist.
 */
@IntegrationTest
class CompliancePagesTests {

    static final String OCT_1 = "2091-10-01";

    @Autowired
    MockMvc mvc;
    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    CompliancePrograms programs;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ComplianceService service;
    @Autowired
    JdbcClient jdbc;

    TestOrganisation.Department dept;
    CompliancePrograms.Programme p;
    long reader;
    long idle;
    String secretary;

    @BeforeEach
    void semester() {
        fixtures.semester();
        dept = org.department();
        p = programs.redBooks(dept);
        reader = programs.student(dept, "陈红" + p.tag(), null);
        idle = programs.student(dept, "=1+2李" + p.tag(), null);
        long note = newId();
        fixtures.publishAndWait(note, new SubmissionVerified(note, reader, SubmissionKind.READING_NOTE,
                LocalDate.of(2091, 9, 12), null));
        secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
    }

    @Test
    void theProgrammeStatusShowsEachRequirementsCountsForTheChosenDay() throws Exception {
        String html = mvc.perform(get("/compliance").param("on", OCT_1).with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("红色书籍读书会" + p.tag()).contains(p.bookName()).contains(p.posterName())
                .contains("2091-2092学年第一学期");
        String book = row(html, "requirement-" + p.bookId());
        assertThat(book).contains("达标 1").contains("进行中 1").contains("50%");
        String poster = row(html, "requirement-" + p.posterId());
        assertThat(poster).contains("达标 0").contains("进行中 2").contains("2091-10-08")
                .contains("/compliance/requirements/" + p.posterId() + "/behind");

        String before = mvc.perform(get("/compliance").param("on", "2091-09-20").with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row(before, "requirement-" + p.posterId())).contains("未开始 2").doesNotContain("进行中");
    }

    @Test
    void whoIsBehindListsNamesProgressAndDeadlineAndAMissedPosterAfterTheWindow() throws Exception {
        String html = mvc.perform(get("/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1)
                        .with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("=1+2李" + p.tag()).doesNotContain("陈红" + p.tag()).contains("0/1")
                .contains("2092-01-15").contains(dept.studentsBranch().name()).contains("共 1 条");

        String missed = mvc.perform(get("/compliance/requirements/{id}/behind", p.posterId()).param("on", "2091-10-09")
                        .with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missed).contains("陈红" + p.tag()).contains("=1+2李" + p.tag()).contains("未完成")
                .contains("2091-10-08").contains("共 2 条");
    }

    @Test
    void theHeatMapGivesEachBranchAndMeasureItsCountsAndACellLeadsToWhoIsBehind() throws Exception {
        mvc.perform(get("/compliance/heat-map").param("on", OCT_1).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/js/compliance-heat-map.js")))
                .andExpect(content().string(Matchers.containsString("echarts.min.js")));
        mvc.perform(get("/compliance/heat-map/data").param("on", OCT_1).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branches[*].id").value(Matchers.hasItem(
                        (int) dept.studentsBranch().id())))
                .andExpect(jsonPath("$.cells[?(@.measureId == " + p.measureId() + ")].branchId")
                        .value((int) dept.studentsBranch().id()))
                .andExpect(jsonPath("$.measures[?(@.id == " + p.measureId() + ")].nameZh")
                        .value("红色书籍读书会" + p.tag()))
                .andExpect(jsonPath("$.cells[?(@.measureId == " + p.measureId() + ")].counts.met").value(1))
                .andExpect(jsonPath("$.cells[?(@.measureId == " + p.measureId() + ")].counts.behind").value(3));
        mvc.perform(get("/compliance/measures/{id}/behind", p.measureId()).param("on", OCT_1)
                        .param("unit", String.valueOf(dept.studentsBranch().id())).with(accounts.as(secretary)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/compliance/requirements/" + p.bookId()
                        + "/behind?period=SEMESTER&on=" + OCT_1 + "&unit=" + dept.studentsBranch().id()));
    }

    @Test
    void aBranchSecretarySeesOnlyTheirSubtreeAndAUnitOutsideItIsNotFound() throws Exception {
        long teacherStudent = fixtures.teacher(dept, "王老师" + p.tag(), cn.hongxin.organisation.PoliticalStatus.FULL_MEMBER,
                false);
        String branchSecretary = accounts.create("bs", EnumSet.of(Role.BRANCH_SECRETARY), dept.teachersBranch().id());
        // The requirement asks students; the teachers' branch has none, so its secretary sees nobody behind.
        mvc.perform(get("/api/v1/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1)
                        .with(accounts.as(branchSecretary)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1)
                        .param("unit", String.valueOf(dept.studentsBranch().id())).with(accounts.as(branchSecretary)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/compliance/heat-map").param("on", OCT_1)
                        .param("unit", String.valueOf(dept.studentsBranch().id())).with(accounts.as(branchSecretary)))
                .andExpect(status().isNotFound());
        String students = accounts.create("bs", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        mvc.perform(get("/api/v1/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1)
                        .with(accounts.as(students)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].subjectId").value(idle));
        assertThat(teacherStudent).isPositive();
        String member = accounts.create("m", EnumSet.of(Role.MEMBER), null);
        mvc.perform(get("/compliance").with(accounts.as(member))).andExpect(status().isForbidden());
    }

    @Test
    void theExportNeutralisesFormulasIsAuditedAndNeedsTheExportPermission() throws Exception {
        long before = exports(p.bookId());
        MvcResult result = mvc.perform(get("/compliance/requirements/{id}/behind/export", p.bookId())
                        .param("on", OCT_1).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ComplianceController.XLSX.toString()))
                .andReturn();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
                result.getResponse().getContentAsByteArray()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).getCellText(0)).isEqualTo("姓名/组织");
            assertThat(rows.get(2).getCellText(0)).isEqualTo("'=1+2李" + p.tag());
            assertThat(rows.get(2).getCellText(1)).isEqualTo(dept.studentsBranch().name());
            assertThat(rows.get(2).getCellText(2)).isEqualTo("0");
            assertThat(rows.get(2).getCellText(5)).isEqualTo("2092-01-15");
        }
        assertThat(exports(p.bookId())).isEqualTo(before + 1);
        assertThat(ComplianceService.safe("+SUM(A1)")).isEqualTo("'+SUM(A1)");
        assertThat(ComplianceService.safe("-1")).isEqualTo("'-1");
        assertThat(ComplianceService.safe("@x")).isEqualTo("'@x");
        assertThat(ComplianceService.safe("陈红")).isEqualTo("陈红");

        String committee = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());
        mvc.perform(get("/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1)
                        .with(accounts.as(committee)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("behind-export"))));
        mvc.perform(get("/compliance/requirements/{id}/behind/export", p.bookId()).param("on", OCT_1)
                        .with(accounts.as(committee)))
                .andExpect(status().isForbidden());
        assertThat(exports(p.bookId())).isEqualTo(before + 1);
    }

    @Test
    void theApiGivesARequirementsStatusAndRefusesABadPeriod() throws Exception {
        mvc.perform(get("/api/v1/compliance/requirements/{id}/status", p.posterId()).param("on", OCT_1)
                        .param("unit", String.valueOf(dept.studentsBranch().id())).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2091-2092学年第一学期"))
                .andExpect(jsonPath("$.closesOn").value("2091-10-08"))
                .andExpect(jsonPath("$.counts.behind").value(2))
                .andExpect(jsonPath("$.counts.met").value(0))
                .andExpect(jsonPath("$.rate").value(0.0));
        mvc.perform(get("/api/v1/compliance/requirements/{id}/status", p.posterId()).param("period", "DECADE")
                        .with(accounts.as(secretary)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/compliance/requirements/{id}/status", 987_654_321L).with(accounts.as(secretary)))
                .andExpect(status().isNotFound());
    }

    @Test
    void myChecklistShowsWhatIsLeftWithTheDeadlineAndALinkAndWhatIsDone() throws Exception {
        String username = programs.account(reader, Role.MEMBER, null);
        List<ChecklistItem> items = accounts.runAs(username, () -> service.myChecklist(LocalDate.of(2091, 10, 1)));
        assertThat(items).filteredOn(i -> i.requirement().id() == p.bookId()).singleElement()
                .satisfies(i -> assertThat(i.verdict()).isEqualTo(Verdict.MET));
        assertThat(items).filteredOn(i -> i.requirement().id() == p.posterId()).singleElement().satisfies(i -> {
            assertThat(i.verdict()).isEqualTo(Verdict.BEHIND);
            assertThat(i.deadline()).isEqualTo(LocalDate.of(2091, 10, 8));
            assertThat(ChecklistEntry.of(i).link()).isEqualTo("/me/submissions/new?kind=POSTER");
            assertThat(ChecklistEntry.of(i).progressText()).isEqualTo("0/1");
        });
        mvc.perform(get("/me/checklist").with(accounts.as(username))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("checklist-todo")));
        mvc.perform(get("/api/v1/me/checklist").with(accounts.as(username))).andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
        String noPerson = accounts.create("np", EnumSet.of(Role.MEMBER), null);
        mvc.perform(get("/me/checklist").with(accounts.as(noPerson))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("checklist-not-linked")));
    }

    long exports(long requirementId) {
        return jdbc.sql("select count(*) from audit_entry where action = 'EXPORT' and object_type = 'compliance_behind'"
                + " and object_id = :id").param("id", String.valueOf(requirementId)).query(Long.class).single();
    }

    /** The HTML of the table row with this id. */
    static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
