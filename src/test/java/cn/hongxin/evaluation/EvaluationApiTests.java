package cn.hongxin.evaluation;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.evaluation.EvaluationViews.IndicatorCard;
import cn.hongxin.evaluation.PointsViews.PointRule;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.ApiCalls;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.support.ApiCalls.basic;
import static cn.hongxin.support.ApiCalls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The evaluation API: every endpoint with the pages' permissions, data scope (out of scope 404), masking and audit;
 * a bad day, unit, period or kind answers 400 with a message in the caller's language and changes nothing; a ledger
 * downloaded over the API is the page's ledger.
 */
@IntegrationTest
class EvaluationApiTests {

    static final String ON = "2094-05-01";

    @Autowired
    EvaluationFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    PointsService points;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    ApiCalls api;
    TestOrganisation.Department dept;
    long busy;
    long second;
    String secretary;
    String otherBranch;
    String committee;
    String member;

    @BeforeEach
    void semester() {
        api = new ApiCalls(mvc);
        fixtures.year();
        dept = org.department();
        busy = fixtures.student(dept, "积极甲", PoliticalStatus.FULL_MEMBER);
        second = fixtures.student(dept, "党员乙", PoliticalStatus.FULL_MEMBER);
        LocalDate day = LocalDate.of(2094, 3, 1);
        for (int i = 0; i < 25; i++) {
            fixtures.personFact(busy, EvidenceKind.ATTENDED, "PARTY_GROUP_MEETING", day.plusDays(i), "1");
        }
        for (int i = 0; i < 5; i++) {
            fixtures.personFact(second, EvidenceKind.ATTENDED, "PARTY_GROUP_MEETING", day.plusDays(i), "1");
        }
        fixtures.personFact(busy, EvidenceKind.VOLUNTEER_HOURS, "VOLUNTEER_SERVICE", day, "4.5");
        fixtures.personFact(second, EvidenceKind.VOLUNTEER_HOURS, "VOLUNTEER_SERVICE", day.plusDays(40), "2");
        fixtures.personFact(busy, EvidenceKind.ATTENDED, "PARTY_GROUP_MEETING", LocalDate.of(2093, 11, 1), "1");
        secretary = accounts.create("gsec", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
        otherBranch = accounts.create("bsec", EnumSet.of(Role.BRANCH_SECRETARY), dept.teachersBranch().id());
        committee = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());
        member = "pm-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(member, TestAccounts.PASSWORD, member,
                EnumSet.of(Role.MEMBER), null, busy)));
    }

    String students() {
        return String.valueOf(dept.studentsBranch().id());
    }

    @Test
    void theIndicatorsAndTheDashboardAreThePagesNumbers() throws Exception {
        mvc.perform(get("/api/v1/evaluation/units").with(api.bearer(secretary))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(dept.generalBranch().id()))
                .andExpect(jsonPath("$[*].id", hasItem((int) dept.studentsBranch().id())));
        MvcResult r = mvc.perform(get("/api/v1/evaluation/indicators").param("unit", students()).param("on", ON)
                        .with(api.bearer(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value(dept.studentsBranch().id()))
                .andExpect(jsonPath("$.on").value(ON)).andReturn();
        List<IndicatorCard> expected = accounts.runAs(secretary,
                () -> evaluation.indicators(dept.studentsBranch().id(), LocalDate.parse(ON)));
        List<Map<String, Object>> cards = read(r, "$.indicators");
        assertThat(cards).hasSize(expected.size()).hasSizeGreaterThanOrEqualTo(12);
        for (int i = 0; i < cards.size(); i++) {
            IndicatorCard e = expected.get(i);
            Map<String, Object> c = cards.get(i);
            assertThat(c.get("code")).isEqualTo(e.code());
            assertThat(c.get("periodLabel")).isEqualTo(e.periodLabel());
            assertThat(decimal(c.get("value"))).as(e.code()).isEqualTo(plain(e.value()));
            assertThat(decimal(c.get("baseline"))).as(e.code()).isEqualTo(plain(e.baseline()));
            assertThat(decimal(c.get("target"))).as(e.code()).isEqualTo(plain(e.target()));
            assertThat(c.get("trend")).isEqualTo(e.trend().name());
            assertThat((List<?>) c.get("series")).hasSize(e.series().size());
        }
        Map<String, Object> volunteer = cards.stream().filter(c -> "VOLUNTEER_HOURS_PER_MEMBER".equals(c.get("code")))
                .findFirst().orElseThrow();
        assertThat(decimal(volunteer.get("value"))).as("6.5 hours over 2 party members").isEqualTo("3.3");
        assertThat(decimal(volunteer.get("target"))).isEqualTo("8");

        MvcResult d = mvc.perform(get("/api/v1/evaluation/dashboard").param("unit", String.valueOf(dept.generalBranch().id()))
                        .param("on", ON).with(api.bearer(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period.label").value("2093-2094学年第二学期"))
                .andExpect(jsonPath("$.asOf").value(ON))
                .andExpect(jsonPath("$.silentDays").value(30))
                .andExpect(jsonPath("$.months.months[1]").value("2094-03"))
                .andExpect(jsonPath("$.outcomes[0].outcome").value("MEMBERS_QUALITY"))
                .andReturn();
        List<String> months = read(d, "$.months.months");
        assertThat(months).containsExactly("2094-02", "2094-03", "2094-04", "2094-05");
        List<Integer> studentsMarch = read(d, "$.months.participation[?(@.branchId == " + dept.studentsBranch().id()
                + ")].values[1]");
        assertThat(studentsMarch).containsExactly(30);
        List<Object> hours = read(d, "$.months.volunteerHours");
        assertThat(hours).extracting(EvaluationApiTests::decimal).containsExactly("0", "4.5", "2", "0");
        List<Integer> silent = read(d, "$.silentBranches[*].id");
        assertThat(silent).as("no activity in the teachers' branch").contains((int) dept.teachersBranch().id());
        assertThat(read(d, "$.months.lectures").toString()).isEqualTo("[0,0,0,0]");
    }

    @Test
    void pointsRankingProfilesAndMyPoints() throws Exception {
        mvc.perform(get("/api/v1/evaluation/points").param("unit", students()).param("on", ON)
                        .with(api.bearer(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period.label").value("2093-2094学年第二学期"))
                .andExpect(jsonPath("$.members[?(@.personId == " + busy + ")].points").value(hasItem(44.5)))
                .andExpect(jsonPath("$.members[?(@.personId == " + busy + ")].rank").value(hasItem(1)))
                .andExpect(jsonPath("$.members[?(@.personId == " + second + ")].rank").value(hasItem(2)));
        mvc.perform(get("/api/v1/evaluation/members/{id}/points", busy).param("on", ON).with(api.bearer(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.points").value(44.5))
                .andExpect(jsonPath("$.timeline.length()").value(26))
                .andExpect(jsonPath("$.timeline[0].date").value("2094-03-25"));
        mvc.perform(get("/api/v1/me/points").param("on", ON).param("period", "YEAR").with(basic(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.choice").value("YEAR"))
                .andExpect(jsonPath("$.profile.period.label").value("2093-2094"))
                .andExpect(jsonPath("$.profile.points.points").value(46.5))
                .andExpect(jsonPath("$.profile.points.rank").value(1))
                .andExpect(jsonPath("$.generalBranch.unitId").value(dept.generalBranch().id()))
                .andExpect(jsonPath("$.generalBranch.rank").value(1))
                .andExpect(jsonPath("$.options[*].choice").value(contains("SEMESTER",
                        "LAST_SEMESTER", "YEAR")));
        mvc.perform(get("/api/v1/me/points").param("on", ON).param("period", "LAST_SEMESTER").with(basic(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.points.points").value(2));

        // the member reads only their own; another branch's secretary sees nothing of the students' branch
        mvc.perform(get("/api/v1/evaluation/points").with(basic(member))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/members/{id}/points", busy).with(basic(member)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/points").param("unit", students()).with(api.bearer(otherBranch)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/members/{id}/points", busy).with(api.bearer(otherBranch)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/indicators").param("unit", students()).with(api.bearer(otherBranch)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/dashboard").param("unit", students()).with(api.bearer(otherBranch)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/indicators").with(basic(member))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/dashboard").with(basic(member))).andExpect(status().isForbidden());
    }

    @Test
    void thePointsTableIsReadWithTheViewAndChangedWithBrandEditAudited() throws Exception {
        MvcResult list = mvc.perform(get("/api/v1/evaluation/point-rules").with(api.bearer(committee)))
                .andExpect(status().isOk()).andReturn();
        PointRule attended = accounts.runAs(secretary, () -> points.rules()).stream()
                .filter(r -> r.kind() == EvidenceKind.ATTENDED && r.typeCode() == null).findFirst().orElseThrow();
        assertThat((List<?>) read(list, "$")).hasSize(accounts.runAs(secretary, () -> points.rules()).size());
        mvc.perform(get("/api/v1/evaluation/point-rules").with(basic(member))).andExpect(status().isForbidden());

        long audits = audits("evaluation_point_rule");
        String url = "/api/v1/evaluation/point-rules/" + attended.id();
        mvc.perform(put(url).with(api.bearer(committee)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"points\":1,\"cap\":3,\"capPeriod\":\"SEMESTER\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(url).with(api.bearer(secretary)).contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .content("{\"points\":-1,\"cap\":0,\"capPeriod\":\"SEMESTER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("points"))
                .andExpect(jsonPath("$.errors[1].field").value("cap"))
                .andExpect(jsonPath("$.errors[0].message", startsWith("Points")));
        mvc.perform(put(url).with(api.bearer(secretary)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"points\":1,\"cap\":3,\"capPeriod\":\"FORTNIGHT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("capPeriod"));
        mvc.perform(put("/api/v1/evaluation/point-rules/999999999").with(api.bearer(secretary))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"points\":1,\"cap\":3,\"capPeriod\":\"SEMESTER\"}"))
                .andExpect(status().isNotFound());
        assertThat(audits("evaluation_point_rule")).as("nothing changed, nothing audited").isEqualTo(audits);
        assertThat(accounts.runAs(secretary, () -> points.rules())).contains(attended);
        try {
            mvc.perform(put(url).with(api.bearer(secretary)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"points\":1,\"cap\":3,\"capPeriod\":\"SEMESTER\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.points").value(1)).andExpect(jsonPath("$.cap").value(3));
            assertThat(audits("evaluation_point_rule")).isEqualTo(audits + 1);
            mvc.perform(get("/api/v1/evaluation/points").param("unit", students()).param("on", ON)
                            .with(api.bearer(secretary)))
                    .andExpect(jsonPath("$.members[?(@.personId == " + busy + ")].points").value(hasItem(7.5)));
        } finally {
            accounts.runAs(secretary, () -> {
                points.updateRule(attended.id(), attended.points(), attended.cap(), attended.capPeriod());
                return null;
            });
        }
    }

    @Test
    void theLedgerOverTheApiIsThePagesLedgerMaskedAndAudited() throws Exception {
        String general = String.valueOf(dept.generalBranch().id());
        long exports = audits("evaluation_ledger");
        MvcResult viaApi = mvc.perform(get("/api/v1/evaluation/ledgers/VOLUNTEER_HOURS").param("unit", general)
                        .param("on", ON).with(api.bearer(secretary)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ReportController.XLSX.toString())).andReturn();
        MvcResult viaPage = mvc.perform(get("/evaluation/reports/ledgers/VOLUNTEER_HOURS").param("unit", general)
                        .param("on", ON).with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn();
        assertThat(viaApi.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo(viaPage.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION));
        List<List<String>> fromApi = cells(viaApi.getResponse().getContentAsByteArray());
        assertThat(fromApi).isEqualTo(cells(viaPage.getResponse().getContentAsByteArray()));
        assertThat(fromApi.toString()).contains("4.5", "6.5").doesNotContain("积极甲", "党员乙");
        assertThat(audits("evaluation_ledger")).as("each export audited").isEqualTo(exports + 2);

        for (LedgerKind kind : LedgerKind.values()) {
            mvc.perform(get("/api/v1/evaluation/ledgers/{kind}", kind.name()).param("unit", general).param("on", ON)
                            .with(api.bearer(secretary)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/evaluation/ledgers/MEETINGS").param("on", ON).param("reveal", "true")
                        .with(api.bearer(secretary)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'evaluation_ledger'"
                + " and action = 'REVEAL' and actor = ?").param(secretary).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/evaluation/ledgers/MEETINGS").with(api.bearer(committee)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/ledgers/MEETINGS").param("unit", students()).with(api.bearer(otherBranch)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSemesterReportIsAWordFileAuditedLikeThePage() throws Exception {
        long reports = audits("evaluation_report");
        MvcResult r = mvc.perform(get("/api/v1/evaluation/reports/semester-report")
                        .param("unit", String.valueOf(dept.generalBranch().id())).param("on", ON)
                        .with(api.bearer(secretary)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ReportController.DOCX.toString()))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        containsString("evaluation.docx")))
                .andReturn();
        byte[] docx = r.getResponse().getContentAsByteArray();
        assertThat(new String(docx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText())
                    .contains(dept.generalBranch().name(), "2093-2094学年第二学期");
        }
        assertThat(audits("evaluation_report")).isEqualTo(reports + 1);
        mvc.perform(get("/api/v1/evaluation/reports/semester-report").with(api.bearer(committee)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/reports/semester-report").param("unit", students())
                .with(api.bearer(otherBranch))).andExpect(status().isNotFound());
    }

    @Test
    void aBadDayUnitPeriodOrKindIsRefusedInTheCallersLanguageAndChangesNothing() throws Exception {
        long exports = audits("evaluation_ledger");
        mvc.perform(get("/api/v1/evaluation/indicators").param("on", "1990-01-01").with(api.bearer(secretary)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("on"))
                .andExpect(jsonPath("$.errors[0].message").value("日期 1990-01-01 不在校历的任何学年内，请选择校历中的日期"));
        mvc.perform(get("/api/v1/evaluation/ledgers/MEETINGS").param("on", "1990-01-01")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(api.bearer(secretary)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(
                        "The day 1990-01-01 lies in no academic year of the calendar; choose a day the calendar holds"));
        mvc.perform(get("/api/v1/evaluation/dashboard").param("on", "2094-02-30").with(api.bearer(secretary)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
        mvc.perform(get("/api/v1/evaluation/points").param("unit", "abc").with(api.bearer(secretary)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unit"));
        mvc.perform(get("/api/v1/evaluation/ledgers/LECTURES").param("unit", "0").with(api.bearer(secretary)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"))
                .andExpect(jsonPath("$.errors[0].message").value("组织编号须为正整数"));
        mvc.perform(get("/api/v1/evaluation/reports/semester-report").param("unit", "-3").with(api.bearer(secretary)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/evaluation/ledgers/NOT_A_LEDGER").with(api.bearer(secretary)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/api/v1/me/points").param("period", "NEXT_YEAR").with(basic(member)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/v1/me/points").param("period", "LAST_SEMESTER")
                        .param("on", EvaluationFixtures.AUTUMN_START.plusDays(3).toString())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(basic(member)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("evaluation.period.unavailable"))
                .andExpect(jsonPath("$.detail", startsWith("The academic calendar has no \"Last semester\"")));
        mvc.perform(get("/api/v1/evaluation/members/{id}/points", busy).param("on", "1990-01-01")
                .with(api.bearer(secretary))).andExpect(status().isBadRequest());
        assertThat(audits("evaluation_ledger")).as("nothing exported").isEqualTo(exports);
    }

    @Test
    void theOpenApiDocumentListsTheEvaluationEndpoints() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/evaluation/indicators'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/evaluation/dashboard'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/evaluation/points'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/evaluation/members/{id}/points'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/points'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/evaluation/point-rules/{id}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/evaluation/reports/semester-report'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/evaluation/ledgers/{kind}'].get").exists());
    }

    @Test
    void theSystemAdminReadsThePointsTableItMayChangeAndAPlainMemberIsRefused() throws Exception {
        String admin = org.admin();
        List<PointRule> expected = accounts.runAs(secretary, () -> points.rules());
        MvcResult list = mvc.perform(get("/api/v1/evaluation/point-rules").with(api.bearer(admin)))
                .andExpect(status().isOk()).andReturn();
        assertThat((List<?>) read(list, "$")).hasSize(expected.size());
        assertThat(accounts.runAs(admin, () -> points.rules())).isEqualTo(expected);
        mvc.perform(get("/api/v1/evaluation/point-rules").with(basic(member))).andExpect(status().isForbidden());
        assertThatThrownBy(() -> accounts.runAs(member, () -> points.rules()))
                .isInstanceOf(AccessDeniedException.class);

        PointRule first = expected.get(0);
        String page = mvc.perform(get("/evaluation/points/rules").with(accounts.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"rules-table\"", "/evaluation/points/rules/" + first.id());
        mvc.perform(get("/evaluation/points/rules").with(accounts.as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/evaluation/points").with(accounts.as(admin))).andExpect(status().isForbidden());
        String committeePage = mvc.perform(get("/evaluation/points/rules").with(accounts.as(committee)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(committeePage).contains("id=\"rules-table\"")
                .doesNotContain("/evaluation/points/rules/" + first.id());

        long audits = audits("evaluation_point_rule");
        mvc.perform(post("/evaluation/points/rules/" + first.id()).with(accounts.as(admin)).with(csrf())
                        .param("points", "-1").param("capPeriod", "SEMESTER"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/evaluation/points/rules"));
        mvc.perform(post("/evaluation/points/rules/" + first.id()).with(accounts.as(secretary)).with(csrf())
                        .param("points", "-1").param("capPeriod", "SEMESTER"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/evaluation/points#rules"));
        assertThat(audits("evaluation_point_rule")).as("refused, nothing audited").isEqualTo(audits);
        assertThat(accounts.runAs(admin, () -> points.rules())).isEqualTo(expected);
    }

    static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> all = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb.getSheets().toList()) {
                all.add(List.of("sheet", s.getName()));
                for (Row row : s.read()) {
                    List<String> line = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        line.add(row.getCellText(i));
                    }
                    all.add(line);
                }
            }
        }
        return all;
    }

    static String decimal(Object json) {
        return json == null ? null : new BigDecimal(json.toString()).stripTrailingZeros().toPlainString();
    }

    static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    long audits(String objectType) {
        return jdbc.sql("select count(*) from audit_entry where object_type = ?").param(objectType)
                .query(Long.class).single();
    }
}
