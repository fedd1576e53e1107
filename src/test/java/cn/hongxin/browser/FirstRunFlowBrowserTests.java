package cn.hongxin.browser;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.hongxin.organisation.PeopleSheets;
import cn.hongxin.support.Browser;
import cn.hongxin.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first hour of a new department, in Chromium: setup → login → create the branches → import people
 * from Excel (a file with one bad row is rejected whole with its error report, a good file is accepted) →
 * the list shows masked ID numbers → English and back → a branch secretary cannot reach another branch's
 * people → logout; and no request leaves the machine.
 */
@BrowserTest
class FirstRunFlowBrowserTests {

    static final String ADMIN_PASSWORD = "红心-Dangjian-2026";
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aNewDepartmentFromSetupToItsFirstPeople() throws Exception {
        Page page = browser.desktop("zh-CN");
        setUp(page);
        browser.login(page, "admin", ADMIN_PASSWORD);
        assertThat(page.locator("h1")).containsText("您好");

        long general = createUnit(page, null, "GENERAL_BRANCH", "临床医学系党总支", null);
        long students = createUnit(page, general, "BRANCH", "临床医学系学生党支部", "STUDENTS");
        createUnit(page, general, "BRANCH", "临床医学系教工党支部", "TEACHERS");
        Browser.screenshot(page, "flow-units-desktop-zh");

        // A file with one bad row imports nothing and explains itself.
        String goodId = PeopleSheets.idNumber();
        List<List<Object>> badRows = List.of(
                row("周晓明", "男", goodId, "2024010101", "学生", "临床医学系学生党支部", "共青团员"),
                row("吴佳怡", "女", PeopleSheets.withBadChecksum(PeopleSheets.idNumber()), "2024010102", "学生",
                        "临床医学系学生党支部", "入党积极分子"));
        upload(page, "第一批.xlsx", PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, badRows));
        assertThat(page.locator("#import-rejected")).isVisible();
        assertThat(page.locator("#import-problems")).containsText("身份证号");
        assertThat(page.locator("#import-problems")).containsText("3");
        Download report = page.waitForDownload(() -> page.click("#import-errors-link"));
        List<List<String>> reportRows = PeopleSheets.read(Files.readAllBytes(report.path()), 0);
        assertThat(reportRows.toString()).contains("3").contains("身份证号").contains("吴佳怡");
        Browser.screenshot(page, "flow-import-rejected-desktop-zh");
        page.navigate(browser.url("/org/people"));
        assertThat(page.locator("body")).not().containsText("周晓明");

        // The corrected file is accepted whole.
        String teacherId = PeopleSheets.idNumber();
        List<List<Object>> goodRows = new ArrayList<>(List.of(
                row("周晓明", "男", goodId, "2024010101", "学生", "临床医学系学生党支部", "共青团员"),
                row("吴佳怡", "女", PeopleSheets.idNumber(), "2024010102", "学生", "临床医学系学生党支部", "入党积极分子"),
                row("郑浩然", "男", PeopleSheets.idNumber(), "2024010103", "学生", "临床医学系学生党支部", "中共党员"),
                row("孙丽华", "女", teacherId, "T100201", "教职工", "临床医学系教工党支部", "中共党员")));
        upload(page, "第二批.xlsx", PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, goodRows));
        assertThat(page.locator("#import-done")).isVisible();
        Browser.screenshot(page, "flow-import-done-desktop-zh");

        page.navigate(browser.url("/org/people"));
        assertThat(page.locator("table")).containsText("周晓明");
        assertThat(page.locator("table")).containsText(goodId.substring(0, 3) + "***********" + goodId.substring(14));
        assertThat(page.content()).doesNotContain(goodId).doesNotContain(teacherId);
        String teacherHref = page.locator("a", new Page.LocatorOptions().setHasText("孙丽华")).first()
                .getAttribute("href");
        Browser.screenshot(page, "flow-people-desktop-zh");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EN").setExact(true)).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("main")).containsText("People");
        Browser.screenshot(page, "flow-people-desktop-en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文").setExact(true)).click();
        assertThat(page.locator("main")).containsText("人员管理");

        // The students' branch secretary, whose account the system admin opens.
        page.navigate(browser.url("/system/accounts/new"));
        String secretary = "xuesheng" + (System.nanoTime() % 10000);
        page.fill("#username", secretary);
        page.fill("#displayName", "学生支部书记");
        page.check("#role-BRANCH_SECRETARY");
        page.selectOption("#scopeOrgUnitId", Long.toString(students));
        page.click("#account-save");
        String secretaryPassword = page.locator("#issued-password").innerText().strip();
        logout(page);

        browser.login(page, secretary, secretaryPassword);
        page.navigate(browser.url("/org/people"));
        assertThat(page.locator("table")).containsText("周晓明");
        assertThat(page.locator("table")).not().containsText("孙丽华");
        var denied = page.navigate(browser.url(teacherHref));
        assertThat(denied.status()).isEqualTo(404);
        assertThat(page.locator("body")).not().containsText("孙丽华");
        Browser.screenshot(page, "flow-secretary-denied-desktop-zh");
        page.navigate(browser.url("/"));
        logout(page);
        page.navigate(browser.url("/org/people"));
        assertThat(page).hasURL(browser.url("/login"));

        Page phone = browser.phone("zh-CN");
        browser.login(phone, "admin", ADMIN_PASSWORD);
        phone.navigate(browser.url("/org/people"));
        assertThat(phone.locator("table")).containsText("周晓明");
        Browser.screenshot(phone, "flow-people-phone-zh");

        assertThat(browser.requestCount()).isGreaterThan(30);
        assertThat(browser.externalRequests()).isEmpty();
    }

    void setUp(Page page) {
        page.navigate(browser.url("/"));
        assertThat(page).hasURL(browser.url("/setup"));
        page.fill("#organisationName", "某某医科大学委员会");
        page.fill("#adminUsername", "admin");
        page.fill("#adminDisplayName", "系统管理员");
        page.fill("#password", "weak");
        page.fill("#passwordRepeat", "weak");
        page.uncheck("#loadDemo");
        page.click("#setup-submit");
        assertThat(page.locator(".invalid-feedback").first()).containsText("密码至少需要");
        page.fill("#password", ADMIN_PASSWORD);
        page.fill("#passwordRepeat", ADMIN_PASSWORD);
        page.uncheck("#loadDemo");
        page.click("#setup-submit");
        assertThat(page.locator(".alert-success")).containsText("初始化完成");
        page.click("#go-login");
        Browser.submitLogin(page, "admin", "wrong-password-1");
        assertThat(page.locator(".alert-danger")).containsText("用户名或密码错误");
    }

    void logout(Page page) {
        page.click("header .dropdown-toggle");
        page.click("#logout-button");
        assertThat(page.locator(".alert-success")).containsText("您已安全退出");
    }

    /** Creates a unit under {@code parentId} (the root when null) through the org-tree page; its id. */
    long createUnit(Page page, Long parentId, String type, String name, String branchKind) {
        page.navigate(browser.url(parentId == null ? "/org/units" : "/org/units?id=" + parentId));
        page.click("#unit-add-child");
        page.selectOption("#unitType", type);
        page.fill("#name", name);
        if (branchKind != null) {
            page.check("#branchKind-" + branchKind);
        }
        page.click("#unit-save");
        page.waitForURL(u -> u.contains("/org/units?id="));
        assertThat(page.locator("main")).containsText(name);
        String current = page.url();
        return Long.parseLong(current.substring(current.indexOf("id=") + 3).replaceAll("\\D.*", ""));
    }

    void upload(Page page, String fileName, byte[] xlsx) {
        page.navigate(browser.url("/org/people/import"));
        page.setInputFiles("#import-file", new FilePayload(fileName,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx));
        page.click("#import-submit");
        page.waitForSelector("#import-done, #import-rejected, #import-failed",
                new Page.WaitForSelectorOptions().setTimeout(30_000));
    }

    static List<Object> row(String name, String gender, String id, String staffNo, String type, String branch,
                            String status) {
        List<Object> r = new ArrayList<>(java.util.Collections.nCopies(15, (Object) null));
        r.set(0, name);
        r.set(1, gender);
        r.set(4, id);
        r.set(7, staffNo);
        r.set(8, type);
        r.set(10, branch);
        r.set(12, status);
        return r;
    }
}
