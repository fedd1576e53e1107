package cn.hongxin.organisation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.security.AuditEntryView;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PeopleImportTests {

    private static final Pattern PHASE = Pattern.compile("data-phase=\"(\\w+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PersonService people;
    @Autowired
    OrgUnitService units;
    @Autowired
    AuditTrail audit;
    @Autowired
    PersonImporter importer;

    @Test
    void theTemplateHasTheHeadersANotesSheetAndDropDownsInTheUsersLanguage() throws Exception {
        var dept = org.department();
        MvcResult zh = mvc.perform(get("/org/people/import/template").with(accounts.as(org.admin())))
                .andExpect(status().isOk()).andReturn();
        assertThat(zh.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument");
        assertThat(zh.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''" + URLEncoder.encode("人员导入模板.xlsx", StandardCharsets.UTF_8));
        byte[] template = zh.getResponse().getContentAsByteArray();
        assertThat(PeopleSheets.sheetNames(template)).containsExactly("人员信息", "填写说明", "选项");
        assertThat(PeopleSheets.read(template, 0).get(0)).containsExactlyElementsOf(PeopleSheets.HEADERS_ZH);
        String notes = String.join("\n", PeopleSheets.read(template, 1).stream().map(r -> String.join("|", r)).toList());
        assertThat(notes).contains("身份证号", "110105200305120011", dept.studentsBranch().name());
        assertThat(PeopleSheets.read(template, 2).get(0)).contains("性别", "所在支部");
        assertThat(new String(template, StandardCharsets.ISO_8859_1)).contains("PK");

        byte[] en = mvc.perform(get("/org/people/import/template").param("lang", "en").with(accounts.as(org.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PeopleSheets.read(en, 0).get(0)).contains("Name*", "Gender*", "Category*(Staff/Student)",
                "Party leader(Yes/No)");
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndItsErrorReportNamesRowColumnAndReason() throws Exception {
        var dept = org.department();
        String tag = tag();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(student(i, tag, dept));
        }
        rows.get(2).set(4, PeopleSheets.withBadChecksum(PeopleSheets.idNumber()));

        String job = upload(org.admin(), PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, rows));
        String page = awaitFinished(org.admin(), job);

        assertThat(phase(page)).isEqualTo("FAILED");
        assertThat(page).contains("校验未通过", "身份证号校验位不正确");
        assertThat(count(tag, dept)).isZero();

        MvcResult report = mvc.perform(get(job + "/errors.xlsx").with(accounts.as(org.admin())))
                .andExpect(status().isOk()).andReturn();
        assertThat(report.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains(URLEncoder.encode("人员导入错误报告.xlsx", StandardCharsets.UTF_8));
        List<List<String>> lines = PeopleSheets.read(report.getResponse().getContentAsByteArray(), 0);
        assertThat(lines.get(0)).containsExactly("行号", "列", "原因", "姓名", "学号/工号");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).get(0)).isEqualTo("4");
        assertThat(lines.get(1).get(1)).isEqualTo("身份证号");
        assertThat(lines.get(1).get(2)).contains("校验位");
        assertThat(lines.get(1).get(3)).isEqualTo(rows.get(2).get(0));
        assertThat(lines.get(1).get(4)).isEqualTo(rows.get(2).get(7));

        List<List<String>> english = PeopleSheets.read(mvc.perform(get(job + "/errors.xlsx").param("lang", "en")
                .with(accounts.as(org.admin()))).andReturn().getResponse().getContentAsByteArray(), 0);
        assertThat(english.get(0)).containsExactly("Row", "Column", "Problem", "Name", "Staff/student no.");
        assertThat(english.get(1).get(1)).isEqualTo("ID number");
        assertThat(english.get(1).get(2)).contains("check character");
    }

    @Test
    void aGoodFileOfFiftyRowsImportsEveryoneEncryptedAndMasked() throws Exception {
        var dept = org.department();
        var group = accounts.runAs(org.admin(), () -> units.create(new NewOrgUnit(dept.studentsBranch().id(),
                "第一党小组", null, OrgUnitType.PARTY_GROUP, null, 1, null)));
        String tag = tag();
        List<List<Object>> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            List<Object> row = student(i, tag, dept);
            if (i % 5 == 0) {
                row.set(11, group.name());
            }
            if (i % 7 == 0) {
                row.set(13, LocalDate.of(2020, 5, 4));
                row.set(12, "中共预备党员");
            }
            if (i == 1) {
                row.set(13, "2019-10-01");
                row.set(12, "团员");
                row.set(14, "是");
            }
            ids.add((String) row.get(4));
            rows.add(row);
        }
        rows.get(49).set(8, "教职工");
        rows.get(49).set(9, dept.teachingOffice().name());
        rows.get(49).set(10, dept.teachersBranch().name());

        String job = upload(org.admin(), PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, rows));
        String page = awaitFinished(org.admin(), job);

        assertThat(phase(page)).as(page).isEqualTo("DONE");
        assertThat(page).contains("导入成功，共导入 50 人").doesNotContain("hx-trigger");
        var found = accounts.runAs(org.admin(), () -> people.search(
                new PersonQuery(tag, dept.generalBranch().id(), null, null, null), 0, 100));
        assertThat(found.getTotalElements()).isEqualTo(50);
        for (PersonRow p : found.getContent()) {
            assertThat(p.idNumberMasked()).matches("320\\*{11}[0-9X]{4}");
            assertThat(p.phoneMasked()).matches("1\\d{2}\\*{4}\\d{4}");
        }
        PersonRow first = found.getContent().stream().filter(p -> p.staffNo().equals(tag + "000")).findFirst().orElseThrow();
        assertThat(first.politicalStatus()).isEqualTo(PoliticalStatus.PROBATIONARY_MEMBER);
        PersonDetail detail = accounts.runAs(org.admin(), () -> people.get(first.id()));
        assertThat(detail.partyGroupName()).isEqualTo("第一党小组");
        assertThat(detail.birthDate()).isEqualTo(LocalDate.parse(ids.get(0).substring(6, 14),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(detail.statusSince()).isEqualTo(LocalDate.of(2020, 5, 4));
        assertThat(detail.statusHistory()).hasSize(1);
        assertThat(detail.namePinyin()).isNotBlank();
        PersonRow second = found.getContent().stream().filter(p -> p.staffNo().equals(tag + "001")).findFirst().orElseThrow();
        assertThat(second.partyLeader()).isTrue();
        assertThat(second.politicalStatus()).isEqualTo(PoliticalStatus.LEAGUE_MEMBER);
        PersonRow teacher = found.getContent().stream().filter(p -> p.staffNo().equals(tag + "049")).findFirst().orElseThrow();
        assertThat(teacher.personType()).isEqualTo(PersonType.TEACHER);
        assertThat(teacher.branchName()).isEqualTo(dept.teachersBranch().name());

        String secretary = accounts.create("general-sec", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
        SensitiveValues clear = accounts.runAs(secretary, () -> people.reveal(first.id()));
        assertThat(clear.idNumber()).isEqualTo(ids.get(0));
        assertThat(clear.phone()).isEqualTo(rows.get(0).get(5));

        assertThat(auditDetails(org.admin(), "IMPORT")).contains("50 rows");
    }

    @Test
    void duplicateStaffNumbersWithinTheFileAreRefused() throws Exception {
        var dept = org.department();
        String tag = tag();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(student(i, tag, dept));
        }
        rows.get(3).set(7, rows.get(1).get(7));

        String job = upload(org.admin(), PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, rows));
        String page = awaitFinished(org.admin(), job);

        assertThat(phase(page)).isEqualTo("FAILED");
        assertThat(page).contains("与第 3 行重复");
        assertThat(count(tag, dept)).isZero();
        List<List<String>> lines = PeopleSheets.read(mvc.perform(get(job + "/errors.xlsx")
                .with(accounts.as(org.admin()))).andReturn().getResponse().getContentAsByteArray(), 0);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).subList(0, 2)).containsExactly("5", "学号/工号");
    }

    @Test
    void staffNumbersAndIdNumbersAlreadyInTheDatabaseAreRefused() throws Exception {
        var dept = org.department();
        String tag = tag();
        List<List<Object>> rows = List.of(student(0, tag, dept));
        String job = upload(org.admin(), PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, rows));
        assertThat(phase(awaitFinished(org.admin(), job))).isEqualTo("DONE");

        String again = upload(org.admin(), PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, rows));
        String page = awaitFinished(org.admin(), again);
        assertThat(phase(page)).isEqualTo("FAILED");
        assertThat(page).contains("已被系统中的其他人员使用", "系统中已有人员使用这个身份证号");
        assertThat(count(tag, dept)).isEqualTo(1);
    }

    @Test
    void aFailureWhileWritingRollsBackEveryRowAlreadyWritten() {
        var dept = org.department();
        String tag = tag();
        List<PersonImporter.ValidRow> rows = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            // The last row (in the second JDBC batch) repeats the first row's number: the unique key fails.
            String staffNo = tag + String.format("%04d", i == 500 ? 0 : i);
            rows.add(new PersonImporter.ValidRow(i + 2, new PersonForm(PeopleSheets.name(i), Gender.MALE, null, null,
                    null, null, null, staffNo, PersonType.STUDENT, dept.clazz().id(), dept.studentsBranch().id(), null,
                    PoliticalStatus.MASSES, null, false), null, null, null));
        }
        assertThatThrownBy(() -> importer.write(rows, "test", n -> { }))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(count(tag, dept)).isZero();
    }

    @Test
    void aBranchSecretaryCannotImportIntoAnotherBranch() throws Exception {
        var dept = org.department();
        var other = org.department();
        String secretary = accounts.create("students-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        String tag = tag();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(PeopleSheets.row("李娜", "女", PeopleSheets.idNumber(), "13912345678", tag + "000", "学生", null,
                dept.studentsBranch().name(), null, "共青团员"));
        rows.add(PeopleSheets.row("王芳", "女", PeopleSheets.idNumber(), null, tag + "001", "教职工", null,
                dept.teachersBranch().name(), null, "中共党员"));
        rows.add(PeopleSheets.row("刘强", "男", PeopleSheets.idNumber(), null, tag + "002", "学生", null,
                other.studentsBranch().name(), null, "群众"));

        String job = upload(secretary, PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, rows));
        String page = awaitFinished(secretary, job);

        assertThat(phase(page)).isEqualTo("FAILED");
        assertThat(page).contains("在您的管理范围内找不到党支部“" + dept.teachersBranch().name() + "”",
                "在您的管理范围内找不到党支部“" + other.studentsBranch().name() + "”");
        List<List<String>> lines = PeopleSheets.read(mvc.perform(get(job + "/errors.xlsx")
                .with(accounts.as(secretary))).andReturn().getResponse().getContentAsByteArray(), 0);
        assertThat(lines).extracting(l -> l.get(0) + "/" + l.get(1)).containsExactly("行号/列", "3/所在支部", "4/所在支部");
        assertThat(count(tag, dept)).isZero();

        // Within their own branch the same secretary may import.
        String own = upload(secretary, PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, List.of(rows.get(0))));
        assertThat(phase(awaitFinished(secretary, own))).isEqualTo("DONE");
        // Another account cannot look at the secretary's job.
        mvc.perform(get(own).with(accounts.as(org.admin()))).andExpect(status().isNotFound());
    }

    @Test
    void aFileThatIsNotAnXlsxWorkbookIsRefusedWithAClearMessage() throws Exception {
        byte[] csv = "姓名,性别\n张三,男\n".getBytes(StandardCharsets.UTF_8);
        String page = mvc.perform(multipart("/org/people/import")
                        .file(new MockMultipartFile("file", "人员名单.xlsx", "application/octet-stream", csv))
                        .with(csrf()).with(accounts.as(org.admin())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("这个文件不是 Excel（.xlsx）文件");

        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            out.write("<w/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        mvc.perform(multipart("/org/people/import")
                        .file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream", zip.toByteArray()))
                        .with(csrf()).with(accounts.as(org.admin())))
                .andExpect(status().isBadRequest());

        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        String xls = mvc.perform(multipart("/org/people/import")
                        .file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream", ole2))
                        .with(csrf()).with(accounts.as(org.admin())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(xls).contains("旧版 Excel（.xls）");

        String empty = mvc.perform(multipart("/org/people/import").with(csrf()).with(accounts.as(org.admin())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("请选择要导入的 Excel 文件");
    }

    @Test
    void englishHeadersAndValuesAreAcceptedAndMissingColumnsAreNamed() throws Exception {
        var dept = org.department();
        String tag = tag();
        List<Object> row = PeopleSheets.row("Li Lei", "Male", PeopleSheets.idNumber(), "+86 139 1234 5678", tag + "000",
                "Student", dept.clazz().name(), dept.studentsBranch().name(), null, "Youth League member");
        row.set(14, "Yes");
        String job = upload(org.admin(), PeopleSheets.xlsx(PeopleSheets.HEADERS_EN, List.of(row)));
        assertThat(phase(awaitFinished(org.admin(), job))).isEqualTo("DONE");
        PersonRow p = accounts.runAs(org.admin(), () -> people.search(
                new PersonQuery(tag, null, null, null, null), 0, 10)).getContent().get(0);
        assertThat(p.gender()).isEqualTo(Gender.MALE);
        assertThat(p.partyLeader()).isTrue();
        assertThat(p.phoneMasked()).isEqualTo("139****5678");

        List<String> withoutStatus = new ArrayList<>(PeopleSheets.HEADERS_ZH.subList(0, 12));
        List<Object> shortRow = new ArrayList<>(PeopleSheets.row("张三", "男", null, null, tag + "001", "学生", null,
                dept.studentsBranch().name(), null, "群众").subList(0, 12));
        String missing = upload(org.admin(), PeopleSheets.xlsx(withoutStatus, List.of(shortRow)));
        String page = awaitFinished(org.admin(), missing);
        assertThat(phase(page)).isEqualTo("FAILED");
        assertThat(page).contains("政治面貌", "文件中缺少这一必填列");
    }

    @Test
    void exportGivesMaskedValuesOnlyAndIsAudited() throws Exception {
        var dept = org.department();
        String tag = tag();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(student(i, tag, dept));
        }
        assertThat(phase(awaitFinished(org.admin(), upload(org.admin(), PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, rows)))))
                .isEqualTo("DONE");

        MvcResult result = mvc.perform(get("/org/people/export").param("q", tag)
                        .param("unitId", String.valueOf(dept.generalBranch().id())).param("status", "")
                        .param("type", "STUDENT").with(accounts.as(org.admin())))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''" + URLEncoder.encode("人员名单_", StandardCharsets.UTF_8));
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        List<List<String>> lines = PeopleSheets.read(result.getResponse().getContentAsByteArray(), 0);
        assertThat(lines.get(0)).startsWith("姓名", "性别", "人员类别", "学号/工号");
        assertThat(lines).hasSize(4);
        String all = lines.toString();
        for (List<Object> row : rows) {
            assertThat(all).doesNotContain((String) row.get(4)).doesNotContain((String) row.get(5));
        }
        for (List<String> line : lines.subList(1, 4)) {
            assertThat(line.get(7)).matches("320\\*{11}[0-9X]{4}");
            assertThat(line.get(8)).matches("1\\d{2}\\*{4}\\d{4}");
        }
        assertThat(auditDetails(org.admin(), "EXPORT")).anySatisfy(d -> assertThat(d).startsWith("3 rows").contains(tag));
    }

    @Test
    void importNeedsTheImportPermission() throws Exception {
        var dept = org.department();
        String member = accounts.create("committee", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());
        mvc.perform(get("/org/people/import").with(accounts.as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/org/people/import/template").with(accounts.as(member))).andExpect(status().isForbidden());
        mvc.perform(multipart("/org/people/import")
                        .file(new MockMultipartFile("file", "a.xlsx", "application/octet-stream",
                                PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, List.of())))
                        .with(csrf()).with(accounts.as(member)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/org/people/export").with(accounts.as(member))).andExpect(status().isOk());
        String page = mvc.perform(get("/org/people/import").with(accounts.as(org.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("导入人员", "人员管理", "enctype=\"multipart/form-data\"", "/org/people/import/template");
    }

    // ----------------------------------------------------------------

    private static String tag() {
        return "I" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    private static List<Object> student(int i, String tag, TestOrganisation.Department dept) {
        return PeopleSheets.row(PeopleSheets.name(i), i % 2 == 0 ? "男" : "女", PeopleSheets.idNumber(),
                "138" + String.format("%08d", (int) (Math.random() * 1e8)), tag + String.format("%03d", i), "学生",
                dept.clazz().name(), dept.studentsBranch().name(), null, "共青团员");
    }

    /** Uploads a file; answers the URL of its progress page. */
    private String upload(String username, byte[] xlsx) throws Exception {
        MvcResult result = mvc.perform(multipart("/org/people/import")
                        .file(new MockMultipartFile("file", "人员名单.xlsx", PeopleExcelController.XLSX.toString(), xlsx))
                        .with(csrf()).with(accounts.as(username)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = result.getResponse().getRedirectedUrl();
        assertThat(url).startsWith("/org/people/import/");
        String page = mvc.perform(get(url).with(accounts.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-progress\"");
        return url;
    }

    /** Polls the progress fragment as htmx does until the job has finished; answers the last fragment. */
    private String awaitFinished(String username, String url) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            String fragment = mvc.perform(get(url).header("HX-Request", "true").with(accounts.as(username)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String phase = phase(fragment);
            if (phase.equals("DONE") || phase.equals("FAILED")) {
                assertThat(fragment).doesNotContain("<html").doesNotContain("hx-trigger");
                return fragment;
            }
            assertThat(fragment).contains("hx-trigger=\"every 500ms\"");
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("import did not finish: " + fragment);
            }
            Thread.sleep(100);
        }
    }

    private static String phase(String fragment) {
        Matcher m = PHASE.matcher(fragment);
        assertThat(m.find()).as(fragment).isTrue();
        return m.group(1);
    }

    private long count(String tag, TestOrganisation.Department dept) {
        return accounts.runAs(org.admin(), () -> people.search(
                new PersonQuery(tag, dept.generalBranch().id(), null, null, null), 0, 10).getTotalElements());
    }

    private List<String> auditDetails(String actor, String action) {
        // Only an auditor may read the trail (separation of powers).
        String auditor = accounts.create("auditor", EnumSet.of(Role.AUDITOR), null);
        return accounts.runAs(auditor, () -> audit.search(actor, action, "person",
                java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(60), 0, 50))
                .getContent().stream().map(AuditEntryView::detail).toList();
    }
}
