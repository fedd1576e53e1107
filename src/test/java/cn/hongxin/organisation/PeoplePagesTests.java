package cn.hongxin.organisation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.ResidentIdNumber;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PeoplePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;

    @Test
    void theListShowsIdNumbersAndPhonesMaskedAndNeverInClear() throws Exception {
        var dept = org.department();
        String idNumber = idNumber();
        String phone = phone();
        create(student("张伟", idNumber, phone, dept));

        String html = page(get("/org/people").param("unitId", String.valueOf(dept.generalBranch().id())),
                org.admin());

        assertThat(html).contains("张伟", new ResidentIdNumber(idNumber).masked(), phone.substring(0, 3) + "****")
                .contains("hx-masked", "table-responsive-cards", "data-label=\"身份证号\"")
                .doesNotContain(idNumber, phone);
    }

    @Test
    void searchFindsPeopleByPinyinAndInitials() throws Exception {
        var dept = org.department();
        create(student("欧阳修", idNumber(), phone(), dept));
        create(student("李娜", idNumber(), phone(), dept));
        String unit = String.valueOf(dept.generalBranch().id());

        String byPinyin = page(get("/org/people").param("q", "ouyang").param("unitId", unit), org.admin());
        assertThat(byPinyin).contains("欧阳修").doesNotContain("李娜").contains("共 1 条");

        String byInitials = page(get("/org/people").param("q", "oyx").param("unitId", unit), org.admin());
        assertThat(byInitials).contains("欧阳修").doesNotContain("李娜");
    }

    @Test
    void aMalformedPersonIdIsAFriendlyNotFoundPage() throws Exception {
        String html = mvc.perform(get("/org/people/not-a-number").with(accounts.as(org.admin())))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("页面不存在").doesNotContain("Exception");
    }

    @Test
    void theToolbarLinksKeepTheSearch() throws Exception {
        var dept = org.department();
        String html = page(get("/org/people").param("q", "张").param("status", "FULL_MEMBER")
                .param("unitId", String.valueOf(dept.generalBranch().id())), org.admin());
        assertThat(html).contains("/org/people/export?q=%E5%BC%A0&amp;unitId=" + dept.generalBranch().id()
                        + "&amp;status=FULL_MEMBER")
                .contains("href=\"/org/people/import\"", "href=\"/org/people/import/template\"", "href=\"/org/people/new\"");
    }

    @Test
    void aStudentsBranchSecretaryNeitherSeesNorOpensATeachersBranchPerson() throws Exception {
        var dept = org.department();
        String teacherNo = "T" + System.nanoTime();
        long teacher = create(new PersonForm("王芳", Gender.FEMALE, "汉族", null, null, null, null, teacherNo,
                PersonType.TEACHER, dept.teachingOffice().id(), dept.teachersBranch().id(), null,
                PoliticalStatus.FULL_MEMBER, null, false));
        String studentNo = "S" + System.nanoTime();
        create(new PersonForm("赵磊", Gender.MALE, "汉族", null, null, null, null, studentNo, PersonType.STUDENT,
                dept.clazz().id(), dept.studentsBranch().id(), null, PoliticalStatus.LEAGUE_MEMBER, null, false));
        String secretary = accounts.create("stu-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());

        mvc.perform(get("/org/people/" + teacher).with(accounts.as(secretary))).andExpect(status().isNotFound());
        mvc.perform(get("/org/people/" + teacher + "/edit").with(accounts.as(secretary)))
                .andExpect(status().isNotFound());
        String list = page(get("/org/people"), secretary);
        assertThat(list).contains(studentNo).doesNotContain(teacherNo);
    }

    @Test
    void revealIsRefusedWithoutThePermissionAndShowsTheClearValuesWithIt() throws Exception {
        var dept = org.department();
        String idNumber = idNumber();
        String phone = phone();
        long id = create(student("孙悦", idNumber, phone, dept));

        // The system administrator may edit people but not read their ID numbers.
        String detail = page(get("/org/people/" + id), org.admin());
        assertThat(detail).contains(new ResidentIdNumber(idNumber).masked()).doesNotContain("person-reveal", idNumber);
        mvc.perform(post("/org/people/" + id + "/reveal").with(csrf()).with(accounts.as(org.admin())))
                .andExpect(status().isForbidden());

        String secretary = accounts.create("gen-sec", EnumSet.of(Role.GENERAL_SECRETARY), null);
        assertThat(page(get("/org/people/" + id), secretary)).contains("person-reveal", "hx-post=\"/org/people/" + id + "/reveal\"")
                .doesNotContain(idNumber);
        MvcResult revealed = mvc.perform(post("/org/people/" + id + "/reveal").with(csrf())
                        .with(accounts.as(secretary)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn();
        assertThat(revealed.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(idNumber, phone, "hx-sensitive").doesNotContain("<html");
    }

    @Test
    void aBadIdNumberReRendersTheFormWithTheMessageAndSavesNothing() throws Exception {
        var dept = org.department();
        String staffNo = "S" + System.nanoTime();
        String good = idNumber();
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? "2" : "1");

        MvcResult result = mvc.perform(formPost("/org/people", "钱程", bad, staffNo, dept).with(accounts.as(org.admin())))
                .andExpect(status().isOk()).andReturn();

        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("身份证号校验位不正确", "is-invalid", "value=\"" + staffNo + "\"", "钱程");
        long saved = accounts.runAs(org.admin(),
                () -> people.search(new PersonQuery(staffNo, null, null, null, null), 0, 10).getTotalElements());
        assertThat(saved).isZero();
    }

    @Test
    void theFormCreatesAPersonAndTheEditFormKeepsIdNumberAndPhoneWhenLeftBlank() throws Exception {
        var dept = org.department();
        String staffNo = "S" + System.nanoTime();
        String idNumber = idNumber();
        String phone = phone();
        mvc.perform(formPost("/org/people", "周敏", idNumber, phone, staffNo, dept).with(accounts.as(org.admin())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/org/people/*"));
        long id = accounts.runAs(org.admin(), () -> people.search(new PersonQuery(staffNo, null, null, null, null), 0, 10))
                .getContent().get(0).id();

        String edit = page(get("/org/people/" + id + "/edit"), org.admin());
        assertThat(edit).contains("留空则不修改", "value=\"周敏\"").doesNotContain(idNumber, phone);
        assertThat(inputTag(edit, "idNumber")).doesNotContainPattern("value=\"[^\"]+\"");
        assertThat(inputTag(edit, "phone")).doesNotContainPattern("value=\"[^\"]+\"");

        mvc.perform(formPost("/org/people/" + id, "周敏敏", "", staffNo, dept)
                        .with(accounts.as(org.admin())))
                .andExpect(status().is3xxRedirection());
        PersonDetail after = accounts.runAs(org.admin(), () -> people.get(id));
        assertThat(after.name()).isEqualTo("周敏敏");
        assertThat(after.idNumberMasked()).isEqualTo(new ResidentIdNumber(idNumber).masked());
        assertThat(after.phoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    }

    @Test
    void statusChangesAndPostsAreRecordedFromTheDetailPage() throws Exception {
        var dept = org.department();
        long id = create(student("吴昊", idNumber(), phone(), dept));
        String admin = org.admin();

        mvc.perform(post("/org/people/" + id + "/status").with(csrf()).with(accounts.as(admin))
                        .param("status", "ACTIVIST").param("effectiveOn", LocalDate.now().minusDays(3).toString())
                        .param("note", "经支委会研究确定"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/org/people/" + id + "/status").with(csrf()).with(accounts.as(admin))
                        .param("status", "CANDIDATE").param("effectiveOn", LocalDate.now().plusDays(3).toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/org/people/" + id + "/posts").with(csrf()).with(accounts.as(admin))
                        .param("orgUnitId", String.valueOf(dept.studentsBranch().id())).param("post", "YOUTH_COMMITTEE")
                        .param("since", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection());

        String html = page(get("/org/people/" + id), admin);
        assertThat(html).contains("入党积极分子", "经支委会研究确定", "青年委员", "免职");
        PersonDetail detail = accounts.runAs(admin, () -> people.get(id));
        assertThat(detail.politicalStatus()).isEqualTo(PoliticalStatus.ACTIVIST);
        long assignment = detail.posts().get(0).id();

        mvc.perform(post("/org/people/" + id + "/posts/" + assignment + "/end").with(csrf()).with(accounts.as(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(admin, () -> people.get(id)).posts().get(0).until()).isNotNull();

        mvc.perform(post("/org/people/" + id + "/active").with(csrf()).with(accounts.as(admin)).param("active", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(admin, () -> people.get(id)).active()).isFalse();
    }

    @Test
    void anEarlierStepFillsInTheHistoryWithoutReplacingTheCurrentStatus() throws Exception {
        var dept = org.department();
        long id = create(new PersonForm("冯敏", Gender.FEMALE, "汉族", null, null, null, null, "T" + System.nanoTime(),
                PersonType.TEACHER, dept.teachingOffice().id(), dept.teachersBranch().id(), null,
                PoliticalStatus.FULL_MEMBER, LocalDate.of(2018, 7, 1), false));
        mvc.perform(post("/org/people/" + id + "/status").with(csrf()).with(accounts.as(org.admin()))
                        .param("status", "APPLICANT").param("effectiveOn", "2015-03-01").param("note", "递交入党申请书"))
                .andExpect(status().is3xxRedirection());
        PersonDetail detail = accounts.runAs(org.admin(), () -> people.get(id));
        assertThat(detail.politicalStatus()).isEqualTo(PoliticalStatus.FULL_MEMBER);
        assertThat(detail.statusSince()).isEqualTo(LocalDate.of(2018, 7, 1));
        assertThat(detail.statusHistory()).extracting(StatusChangeView::status)
                .containsExactly(PoliticalStatus.APPLICANT, PoliticalStatus.FULL_MEMBER);
        assertThat(page(get("/org/people/" + id), org.admin()))
                .containsPattern("<li class=\"current\">\\s*<div[^>]*>\\s*<span class=\"badge hx-tag tag-FULL_MEMBER\"");
    }

    @Test
    void aCommitteeMemberMayLookButNotChange() throws Exception {
        var dept = org.department();
        long id = create(student("郑洁", idNumber(), phone(), dept));
        String member = accounts.create("committee", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());

        assertThat(page(get("/org/people"), member)).contains("郑洁").doesNotContain("id=\"person-add\"", "id=\"person-import\"");
        assertThat(page(get("/org/people/" + id), member)).doesNotContain("person-edit", "status-form", "person-reveal");
        mvc.perform(get("/org/people/new").with(accounts.as(member))).andExpect(status().isForbidden());
        mvc.perform(post("/org/people/" + id + "/active").with(csrf()).with(accounts.as(member)).param("active", "false"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aValueTheDatePickerWouldNeverSendIsRefusedLikeAnyOtherField() throws Exception {
        var dept = org.department();
        String staffNo = "S" + System.nanoTime();
        String html = mvc.perform(formPost("/org/people", "韩雪", "", staffNo, dept).param("birthDate", "2001/13/45")
                        .with(accounts.as(org.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("格式不正确", "value=\"韩雪\"");
        assertThat(inputTag(html, "birthDate")).contains("is-invalid");
    }

    @Test
    void thePagesSpeakEnglishToo() throws Exception {
        var dept = org.department();
        long id = create(student("陈晨", idNumber(), phone(), dept));
        assertThat(page(get("/org/people").param("lang", "en"), org.admin()))
                .contains("Political status", "Staff/student no.", "Search");
        assertThat(page(get("/org/people/" + id).param("lang", "en"), org.admin()))
                .contains("Personal details", "Political status history");
        assertThat(page(get("/org/people/new").param("lang", "en"), org.admin())).contains("New person");
    }

    static String inputTag(String html, String name) {
        var m = java.util.regex.Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("input " + name).isTrue();
        return m.group();
    }

    private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(accounts.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletRequestBuilder formPost(String url, String name, String idNumber, String staffNo,
                                                   TestOrganisation.Department dept) {
        return formPost(url, name, idNumber, "", staffNo, dept);
    }

    private MockHttpServletRequestBuilder formPost(String url, String name, String idNumber, String phone,
                                                   String staffNo, TestOrganisation.Department dept) {
        return post(url).with(csrf())
                .param("name", name).param("gender", "FEMALE").param("ethnicity", "汉族")
                .param("idNumber", idNumber).param("phone", phone).param("staffNo", staffNo)
                .param("personType", "STUDENT").param("adminUnitId", String.valueOf(dept.clazz().id()))
                .param("branchId", String.valueOf(dept.studentsBranch().id())).param("partyGroupId", "")
                .param("politicalStatus", "LEAGUE_MEMBER");
    }

    private long create(PersonForm form) {
        return accounts.runAs(org.admin(), () -> people.create(form));
    }

    static PersonForm student(String name, String idNumber, String phone, TestOrganisation.Department dept) {
        return new PersonForm(name, Gender.MALE, "汉族", null, idNumber, phone, null, "S" + System.nanoTime(),
                PersonType.STUDENT, dept.clazz().id(), dept.studentsBranch().id(), null,
                PoliticalStatus.LEAGUE_MEMBER, null, false);
    }

    /** A valid, random resident-ID number (unique enough for one test run). */
    static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(15_000));
        String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
