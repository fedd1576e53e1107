package cn.hongxin.compliance;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.brand.PeriodKind;
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
 * The who-is-behind list searched by name as the people list is (characters, pinyin, initials, the same sound): the
 * page, its paging and export link, the Excel export and the API all follow the search.
 */
@IntegrationTest
class ComplianceBehindSearchTests {

    static final LocalDate OCT_1 = LocalDate.of(2091, 10, 1);

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

    CompliancePrograms.Programme p;
    long huangSiyuan;
    long huangXiaomei;
    long zhouJianguo;
    long chenHong;
    String secretary;

    @BeforeEach
    void semester() {
        fixtures.semester();
        TestOrganisation.Department dept = org.department();
        p = programs.redBooks(dept);
        huangSiyuan = programs.student(dept, "黄思远", null);
        huangXiaomei = programs.student(dept, "黄晓梅", null);
        zhouJianguo = programs.student(dept, "周建国", null);
        chenHong = programs.student(dept, "陈红", null);
        long note = newId();
        // 陈红 wrote her note: she is not behind, whatever the search.
        fixtures.publishAndWait(note, new SubmissionVerified(note, chenHong, SubmissionKind.READING_NOTE,
                LocalDate.of(2091, 9, 12), null));
        secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
    }

    List<Long> behind(String q) {
        return accounts.runAs(secretary, () -> service.behind(p.bookId(), PeriodKind.SEMESTER, OCT_1, null, q, 0, 50))
                .page().rows().stream().map(BehindRow::subjectId).toList();
    }

    @Test
    void theNameSearchMatchesCharactersPinyinInitialsAndSound() {
        assertThat(behind(null)).containsExactlyInAnyOrder(huangSiyuan, huangXiaomei, zhouJianguo);
        assertThat(behind("  ")).containsExactlyInAnyOrder(huangSiyuan, huangXiaomei, zhouJianguo);
        assertThat(behind("黄")).containsExactlyInAnyOrder(huangSiyuan, huangXiaomei);
        assertThat(behind("晓梅")).containsExactly(huangXiaomei);
        assertThat(behind("huang")).containsExactlyInAnyOrder(huangSiyuan, huangXiaomei);
        assertThat(behind("Huang Si")).containsExactly(huangSiyuan);
        assertThat(behind("zhoujian")).containsExactly(zhouJianguo);
        assertThat(behind("zjg")).containsExactly(zhouJianguo);
        assertThat(behind("hxm")).containsExactly(huangXiaomei);
        // 皇 sounds as 黄 (huang), as in the people list.
        assertThat(behind("皇")).containsExactlyInAnyOrder(huangSiyuan, huangXiaomei);
        assertThat(behind("chen")).isEmpty();
        assertThat(behind("陈红")).isEmpty();
        assertThat(behind("xyz")).isEmpty();
        // Paged after the search: two in all, one a page.
        var second = accounts.runAs(secretary, () -> service.behind(p.bookId(), PeriodKind.SEMESTER, OCT_1, null,
                "huang", 1, 1));
        assertThat(second.page().total()).isEqualTo(2);
        assertThat(second.page().rows()).singleElement().extracting(BehindRow::subjectId).isEqualTo(huangXiaomei);
    }

    @Test
    void thePageKeepsTheSearchInItsFormPagingAndExportLink() throws Exception {
        String html = mvc.perform(get("/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1.toString())
                        .param("q", "黄").with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("黄思远").contains("黄晓梅").doesNotContain("周建国").contains("共 2 条")
                .contains("id=\"q\"").contains("value=\"黄\"")
                .contains("/behind/export?period=SEMESTER&amp;on=2091-10-01&amp;q=%E9%BB%84");
        String none = mvc.perform(get("/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1.toString())
                        .param("q", "xyz").with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(none).contains("没有姓名匹配“xyz”的未完成对象。").doesNotContain("黄思远");
        String all = mvc.perform(get("/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1.toString())
                        .with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(all).contains("黄思远").contains("周建国").contains("共 3 条").contains("id=\"q\"");
    }

    @Test
    void theExportAndTheApiFollowTheSearch() throws Exception {
        byte[] file = mvc.perform(get("/compliance/requirements/{id}/behind/export", p.bookId())
                        .param("on", OCT_1.toString()).param("q", "huang").with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(List.of(rows.get(2).getCellText(0), rows.get(3).getCellText(0)))
                    .containsExactlyInAnyOrder("黄思远", "黄晓梅");
        }
        byte[] everyone = mvc.perform(get("/compliance/requirements/{id}/behind/export", p.bookId())
                        .param("on", OCT_1.toString()).with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(everyone))) {
            assertThat(wb.getFirstSheet().read()).hasSize(5);
        }
        mvc.perform(get("/api/v1/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1.toString())
                        .param("q", "zjg").with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].subjectId").value(zhouJianguo))
                .andExpect(jsonPath("$.content[0].name").value("周建国"));
        mvc.perform(get("/api/v1/compliance/requirements/{id}/behind", p.bookId()).param("on", OCT_1.toString())
                        .param("q", "黄").param("size", "1").with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content.length()").value(1));
    }
}
