package cn.hongxin.compliance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.ProgrammeService;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementForm;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.submissions.SubmissionKind;
import cn.hongxin.submissions.SubmissionVerified;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A monthly requirement looked at over the semester: each month so far with its verdicts, in how many months
 * everybody met it, on the status page, the requirement's page and the API.
 */
@IntegrationTest
class ComplianceMonthsTests {

    static final LocalDate OCT_20 = LocalDate.of(2091, 10, 20);
    static final LocalDate NOV_15 = LocalDate.of(2091, 11, 15);

    @Autowired
    MockMvc mvc;
    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    CompliancePrograms programs;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ComplianceService service;

    TestOrganisation.Department dept;
    CompliancePrograms.Programme p;
    long monthly;
    String secretary;

    @BeforeEach
    void semester() {
        fixtures.semester();
        dept = org.department();
        p = programs.redBooks(dept);
        monthly = accounts.runAs(org.admin(), () -> programmes.addRequirement(p.measureId(), new RequirementForm(
                "RB_MONTHLY_" + p.tag(), "每月一篇学习心得" + p.tag(), "A note a month " + p.tag(), SubjectKind.PERSON,
                "", Set.of(), Set.of(), Set.of(PersonType.STUDENT), QuantityKind.COUNT, BigDecimal.ONE,
                PeriodKind.MONTH, "", List.of("SUBMISSION_VERIFIED"), List.of("READING_NOTE"))).id());
        long steady = programs.student(dept, "赵每月", null);
        long once = programs.student(dept, "钱一次", null);
        note(steady, LocalDate.of(2091, 9, 10));
        note(steady, LocalDate.of(2091, 10, 12));
        note(once, LocalDate.of(2091, 9, 15));
        secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
    }

    void note(long person, LocalDate on) {
        long id = newId();
        fixtures.publishAndWait(id, new SubmissionVerified(id, person, SubmissionKind.READING_NOTE, on, null));
    }

    PeriodBreakdown breakdown(long requirement, PeriodKind kind, LocalDate on) {
        return accounts.runAs(secretary, () -> service.breakdown(requirement, kind, on, dept.studentsBranch().id()))
                .orElse(null);
    }

    @Test
    void eachMonthOfTheSemesterSoFarHasItsOwnVerdicts() {
        PeriodBreakdown october = breakdown(monthly, PeriodKind.SEMESTER, OCT_20);
        assertThat(october.slices()).extracting(s -> s.period().label()).containsExactly("2091-09", "2091-10");
        PeriodBreakdown.Slice sep = october.slices().get(0);
        assertThat(sep.counts()).isEqualTo(new VerdictCounts(2, 0, 0, 0));
        assertThat(sep.allMet()).isTrue();
        assertThat(sep.closesOn()).isEqualTo(LocalDate.of(2091, 9, 30));
        PeriodBreakdown.Slice oct = october.slices().get(1);
        assertThat(oct.counts()).isEqualTo(new VerdictCounts(1, 1, 0, 0));
        assertThat(oct.tone()).isEqualTo(Verdict.BEHIND);
        assertThat(oct.asOf()).isEqualTo(OCT_20);
        assertThat(october.metSlices()).isEqualTo(1);
        assertThat(october.askedSlices()).isEqualTo(2);

        // A month later October is closed: the student without a note missed it; November runs.
        PeriodBreakdown november = breakdown(monthly, PeriodKind.SEMESTER, NOV_15);
        assertThat(november.slices()).extracting(s -> s.period().label())
                .containsExactly("2091-09", "2091-10", "2091-11");
        assertThat(november.slices().get(1).counts()).isEqualTo(new VerdictCounts(1, 0, 1, 0));
        assertThat(november.slices().get(1).tone()).isEqualTo(Verdict.MISSED);
        assertThat(november.slices().get(2).counts()).isEqualTo(new VerdictCounts(0, 2, 0, 0));
        assertThat(november.metSlices()).isEqualTo(1);
        assertThat(november.askedSlices()).isEqualTo(3);

        // A semester requirement, or a month looked at, has no breakdown.
        assertThat(breakdown(p.bookId(), PeriodKind.SEMESTER, OCT_20)).isNull();
        assertThat(breakdown(monthly, PeriodKind.MONTH, OCT_20)).isNull();
    }

    @Test
    void theStatusPageTheRequirementsPageAndTheApiShowTheMonths() throws Exception {
        String unit = String.valueOf(dept.studentsBranch().id());
        String html = mvc.perform(get("/compliance").param("on", OCT_20.toString()).param("unit", unit)
                        .with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = CompliancePagesTests.row(html, "requirement-" + monthly);
        assertThat(row).contains("id=\"months-" + monthly + "\"").contains("2个月中1个月全员达标")
                .containsPattern("tag-MET[^>]*data-period=\"2091-09\"")
                .containsPattern("tag-BEHIND[^>]*data-period=\"2091-10\"");
        assertThat(CompliancePagesTests.row(html, "requirement-" + p.bookId())).doesNotContain("months-");

        String page = mvc.perform(get("/compliance/requirements/{id}/behind", monthly).param("on", NOV_15.toString())
                        .param("unit", unit).with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"behind-months\"").contains("逐月落实情况").contains("3个月中1个月全员达标")
                .contains("period=MONTH&amp;on=2091-10-31&amp;unit=" + unit)
                .contains("period=MONTH&amp;on=2091-11-15&amp;unit=" + unit)
                .doesNotContain("period=MONTH&amp;on=2091-09-30");
        String en = mvc.perform(get("/compliance/requirements/{id}/behind", monthly).param("on", NOV_15.toString())
                        .param("unit", unit).param("lang", "en").with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Month by month").contains("All met in 1 of 3 months");

        mvc.perform(get("/api/v1/compliance/requirements/{id}/months", monthly).param("on", NOV_15.toString())
                        .param("unit", unit).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].period.label").value("2091-09"))
                .andExpect(jsonPath("$[1].counts.missed").value(1))
                .andExpect(jsonPath("$[2].counts.behind").value(2));
        mvc.perform(get("/api/v1/compliance/requirements/{id}/months", p.bookId()).param("on", NOV_15.toString())
                        .with(accounts.as(secretary)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aClosedMonthsListShowsWhoMissedItAndTheRunningMonthsWhoIsBehind() throws Exception {
        String unit = String.valueOf(dept.studentsBranch().id());
        String page = html("/compliance/requirements/" + monthly + "/behind?on=" + NOV_15 + "&unit=" + unit);
        String octLink = monthLink(page, "2091-10");
        String novLink = monthLink(page, "2091-11");
        assertThat(octLink).contains("period=MONTH&on=2091-10-31").contains("lookedAt=2091-11-15");
        assertThat(novLink).contains("period=MONTH&on=2091-11-15").doesNotContain("lookedAt");
        PeriodBreakdown november = breakdown(monthly, PeriodKind.SEMESTER, NOV_15);
        VerdictCounts oct = november.slices().get(1).counts();
        VerdictCounts nov = november.slices().get(2).counts();

        // October, looked back at in November: the one without a note missed it; as many rows as the month counts.
        String closed = html(octLink);
        String closedTable = table(closed);
        assertThat(rows(closedTable)).isEqualTo(oct.missed() + oct.behind()).isEqualTo(1);
        assertThat(closedTable).contains("钱一次").doesNotContain("赵每月")
                .contains("tag-MISSED").contains(">未完成<").doesNotContain("tag-BEHIND").doesNotContain(">进行中<");
        assertThat(closed).contains("id=\"behind-closed\"").contains("本期已于2091-10-31截止");
        // Its name search and pages keep judging on the day looked at.
        assertThat(closed).contains("name=\"lookedAt\" value=\"2091-11-15\"");
        String searched = html(octLink + "&q=" + java.net.URLEncoder.encode("钱一次", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(table(searched)).contains("钱一次").contains("tag-MISSED").doesNotContain("tag-BEHIND");

        // November runs: both are still behind, nobody has missed it yet.
        String running = html(novLink);
        String runningTable = table(running);
        assertThat(rows(runningTable)).isEqualTo(nov.behind() + nov.missed()).isEqualTo(2);
        assertThat(runningTable).contains("tag-BEHIND").contains(">进行中<").doesNotContain("tag-MISSED");
        assertThat(running).doesNotContain("id=\"behind-closed\"");

        // The closed month's export says the same.
        String export = hrefOf(closed, "behind-export");
        assertThat(export).contains("lookedAt=2091-11-15");
        byte[] xlsx = mvc.perform(get(java.net.URI.create(export)).with(accounts.as(secretary))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> sheet = wb.getFirstSheet().read();
            assertThat(sheet).hasSize(3);
            assertThat(sheet.get(2).getCellText(0)).isEqualTo("钱一次");
            assertThat(sheet.get(2).getCellText(4)).isEqualTo("未完成");
        }

        // And the API: a closed month looked back at lists MISSED, the running month BEHIND; October as it stood
        // on its last day (not looked back at) still had it running.
        mvc.perform(get("/api/v1/compliance/requirements/{id}/behind", monthly).param("period", "MONTH")
                        .param("on", "2091-10-31").param("lookedAt", NOV_15.toString()).param("unit", unit)
                        .with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].verdict").value("MISSED"))
                .andExpect(jsonPath("$.lookedAt").value("2091-11-15"));
        mvc.perform(get("/api/v1/compliance/requirements/{id}/behind", monthly).param("period", "MONTH")
                        .param("on", NOV_15.toString()).param("lookedAt", NOV_15.toString()).param("unit", unit)
                        .with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].verdict").value("BEHIND"))
                .andExpect(jsonPath("$.content[1].verdict").value("BEHIND"));
        mvc.perform(get("/api/v1/compliance/requirements/{id}/behind", monthly).param("period", "MONTH")
                        .param("on", "2091-10-31").param("unit", unit).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].verdict").value("BEHIND"));
        mvc.perform(get("/api/v1/compliance/requirements/{id}/months", monthly).param("on", NOV_15.toString())
                        .param("unit", unit).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].lookedAt").value("2091-11-15"))
                .andExpect(jsonPath("$[1].counts.missed").value(1));
    }

    String html(String url) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(accounts.as(secretary))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The who-is-behind link of a month in the requirement page's month table, unescaped. */
    static String monthLink(String html, String month) {
        int start = html.indexOf("class=\"behind-month\" data-period=\"" + month + "\"");
        assertThat(start).as("month " + month).isPositive();
        String row = html.substring(start, html.indexOf("</tr>", start));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(row);
        assertThat(m.find()).as("link of " + month).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static String hrefOf(String html, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static String table(String html) {
        int start = html.indexOf("id=\"behind-table\"");
        assertThat(start).isPositive();
        return html.substring(start, html.indexOf("</table>", start));
    }

    static long rows(String table) {
        return java.util.regex.Pattern.compile("class=\"behind-row\"").matcher(table).results().count();
    }
}
