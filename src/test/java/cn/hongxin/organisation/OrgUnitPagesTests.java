package cn.hongxin.organisation;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class OrgUnitPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrgUnitService units;
    @Autowired
    PersonService people;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;

    @Test
    void theTreeShowsTheUnitsAndTheSelectedOnesDetails() throws Exception {
        var dept = org.department();
        String html = page(get("/org/units").param("id", String.valueOf(dept.studentsBranch().id())), org.admin());
        assertThat(html).contains(dept.generalBranch().name(), dept.teachersBranch().name(), dept.clazz().name())
                .contains("学生支部", "新增下级", "班子成员", "--depth:")
                .contains("href=\"/org/units/new?parentId=" + dept.studentsBranch().id() + "\"");
    }

    @Test
    void addingASubUnitOffersOnlyTheKindsAllowedUnderTheParent() throws Exception {
        var dept = org.department();
        String form = page(get("/org/units/new").param("parentId", String.valueOf(dept.department().id())), org.admin());
        assertThat(form).contains("value=\"CLASS\"", "value=\"TEACHING_OFFICE\"").doesNotContain("value=\"BRANCH\"");

        mvc.perform(post("/org/units").with(csrf()).with(accounts.as(org.admin()))
                        .param("parentId", String.valueOf(dept.studentsBranch().id())).param("unitType", "PARTY_GROUP")
                        .param("name", "第一党小组").param("sortOrder", "1").param("establishedOn", "2024-03-01"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/org/units?id=*"))
                .andExpect(flash().attributeExists("flashSuccess"));
        assertThat(accounts.runAs(org.admin(), () -> units.tree()))
                .anySatisfy(u -> {
                    assertThat(u.name()).isEqualTo("第一党小组");
                    assertThat(u.parentId()).isEqualTo(dept.studentsBranch().id());
                    assertThat(u.establishedOn()).hasToString("2024-03-01");
                });
    }

    @Test
    void refusedUnitsAreShownFieldByField() throws Exception {
        var dept = org.department();
        String wrongKind = postPage(post("/org/units").param("parentId", String.valueOf(dept.studentsBranch().id()))
                .param("unitType", "CLASS").param("name", "不该在这里的班级"));
        assertThat(wrongKind).contains("该上级组织下不能设立此类组织", "is-invalid", "value=\"不该在这里的班级\"");

        String noKind = postPage(post("/org/units").param("parentId", String.valueOf(dept.generalBranch().id()))
                .param("unitType", "BRANCH").param("name", ""));
        assertThat(noKind).contains("此项为必填项");
        assertThat(PeoplePagesTests.inputTag(noKind, "name")).contains("is-invalid");
        assertThat(PeoplePagesTests.inputTag(noKind, "branchKind")).contains("is-invalid");
        assertThat(accounts.runAs(org.admin(), () -> units.tree())).noneMatch(u -> u.name().equals("不该在这里的班级"));
    }

    @Test
    void editingRenamesAndKeepsTheKind() throws Exception {
        var dept = org.department();
        long id = dept.studentsBranch().id();
        assertThat(page(get("/org/units/" + id + "/edit"), org.admin())).contains(dept.studentsBranch().name(), "类型创建后不能修改");
        mvc.perform(post("/org/units/" + id).with(csrf()).with(accounts.as(org.admin()))
                        .param("parentId", String.valueOf(dept.generalBranch().id())).param("unitType", "BRANCH")
                        .param("name", "学生第二支部" + id).param("shortName", "学二").param("branchKind", "MIXED")
                        .param("sortOrder", "5"))
                .andExpect(status().is3xxRedirection());
        OrgUnitView after = accounts.runAs(org.admin(), () -> units.find(id)).orElseThrow();
        assertThat(after.name()).isEqualTo("学生第二支部" + id);
        assertThat(after.branchKind()).isEqualTo(BranchKind.MIXED);
        assertThat(after.unitType()).isEqualTo(OrgUnitType.BRANCH);
    }

    @Test
    void aUnitWithSubUnitsOrPeopleIsNotDeletedAndTheReasonIsShown() throws Exception {
        var dept = org.department();
        String hasChildren = postPage(post("/org/units/" + dept.department().id() + "/delete"));
        assertThat(hasChildren).contains("该组织下还有下级组织", "alert-danger");

        accounts.runAs(org.admin(), () -> people.create(PeoplePagesTests.student("冯涛", null, null, dept)));
        String hasPeople = postPage(post("/org/units/" + dept.clazz().id() + "/delete"));
        assertThat(hasPeople).contains("该组织下还有人员");
        assertThat(accounts.runAs(org.admin(), () -> units.find(dept.clazz().id()))).isPresent();

        mvc.perform(post("/org/units/" + dept.teachingOffice().id() + "/delete").with(csrf()).with(accounts.as(org.admin())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/org/units?id=" + dept.department().id()));
        assertThat(accounts.runAs(org.admin(), () -> units.find(dept.teachingOffice().id()))).isEmpty();
    }

    @Test
    void aBranchSecretarySeesOnlyTheirBranchAndCannotChangeIt() throws Exception {
        var dept = org.department();
        String secretary = accounts.create("stu-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        String html = page(get("/org/units"), secretary);
        assertThat(html).contains(dept.studentsBranch().name()).doesNotContain(dept.teachersBranch().name())
                .doesNotContain("id=\"unit-edit\"", "id=\"unit-delete\"", "id=\"unit-add-child\"");
        mvc.perform(get("/org/units").param("id", String.valueOf(dept.teachersBranch().id())).with(accounts.as(secretary)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/org/units/new").param("parentId", String.valueOf(dept.studentsBranch().id()))
                .with(accounts.as(secretary))).andExpect(status().isForbidden());
        mvc.perform(post("/org/units/" + dept.studentsBranch().id() + "/delete").with(csrf()).with(accounts.as(secretary)))
                .andExpect(status().isForbidden());
    }

    private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(accounts.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String postPage(MockHttpServletRequestBuilder request) throws Exception {
        return page(request.with(csrf()), org.admin());
    }
}
