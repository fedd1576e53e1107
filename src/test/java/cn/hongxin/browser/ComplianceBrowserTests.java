package cn.hongxin.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.setup.DemoAccount;
import cn.hongxin.setup.SetupForm;
import cn.hongxin.setup.SetupService;
import cn.hongxin.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance pages in Chromium on the demo department: a member's checklist on a phone, and the heat map
 * branch by measure on a desktop (the chart is drawn with one cell per branch and measure of the data, and a
 * click on a cell opens that branch's list of who is behind).
 */
@ComplianceBrowserTests.ComplianceBrowserTest
class ComplianceBrowserTests {

    /** A browser test with a database of its own, the demo department loaded. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag("browser")
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-compliance;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "hongxin.data-dir=target/browser-compliance-data"})
    @ActiveProfiles("test")
    @interface ComplianceBrowserTest {
    }

    static final String ADMIN_PASSWORD = "Compliance-Passw0rd!";
    static Browser browser;
    static List<DemoAccount> demo;

    @LocalServerPort
    int port;
    @Autowired
    SetupService setup;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void demo() {
        synchronized (ComplianceBrowserTests.class) {
            if (setup.needed()) {
                demo = setup.run(new SetupForm("某某医科大学委员会", "admin", "系统管理员", ADMIN_PASSWORD,
                        ADMIN_PASSWORD, true)).demoAccounts();
            }
        }
    }

    @Test
    void aMemberSeesWhatIsLeftToDoOnAPhone() {
        Page page = browser.phone("zh-CN");
        login(page, account("MEMBER"));
        page.click("#home-checklist a");
        page.waitForURL(url("/me/checklist"));
        Browser.screenshot(page, "compliance/checklist-phone-zh");
        assertThat(page.locator("#checklist-todo h1").innerText().strip()).startsWith("待完成");
        int items = page.locator(".hx-check-item").count();
        assertThat(items).isPositive();
        // Every open item shows a deadline or an opening day, and its progress as done/required.
        assertThat(page.locator("#checklist-todo .hx-check-item").all()).allSatisfy(item -> {
            assertThat(item.locator(".check-progress").innerText()).matches("\\d+(\\.\\d+)?/\\d+(\\.\\d+)?");
            assertThat(item.innerText()).containsAnyOf("截止", "开始");
        });
        // Nothing wider than the phone: the page does not scroll sideways.
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        page.context().close();
    }

    @Test
    void theSecretarySeesTheHeatMapAndACellOpensWhoIsBehind() {
        Page page = browser.desktop("zh-CN");
        login(page, account("GENERAL_SECRETARY"));
        page.navigate(url("/compliance"));
        Browser.screenshot(page, "compliance/status-desktop-zh");
        assertThat(page.locator(".compliance-measure").count()).isPositive();
        page.click("#to-heat-map");
        page.waitForSelector("#heat-map[data-rendered]");
        Browser.screenshot(page, "compliance/heat-map-desktop-zh");
        var map = page.locator("#heat-map");
        String rendered = map.getAttribute("data-rendered");
        assertThat(rendered).isEqualTo(map.getAttribute("data-cells"));
        assertThat(Integer.parseInt(rendered)).isPositive();
        assertThat(page.locator("#heat-map svg").count()).isEqualTo(1);
        String svgText = page.locator("#heat-map svg").innerHTML();
        @SuppressWarnings("unchecked")
        List<String> branches = (List<String>) page.evaluate(
                "u => fetch(u).then(r => r.json()).then(m => m.branches.map(b => b.name))", map.getAttribute("data-url"));
        assertThat(branches).hasSize(Integer.parseInt(map.getAttribute("data-rows")));
        assertThat(branches).allSatisfy(name -> assertThat(svgText).contains(name));
        // The heat map's cells are drawn as paths; a click in the middle of the grid's first cell opens a list.
        @SuppressWarnings("unchecked")
        List<Number> firstCell = (List<Number>) page.evaluate("""
                () => { const c = echarts.getInstanceByDom(document.getElementById('heat-map'));
                        const d = c.getOption().series[0].data[0];
                        return c.convertToPixel({seriesIndex: 0}, [d.value[0], d.value[1]]); }""");
        var box = map.boundingBox();
        page.mouse().click(box.x + firstCell.get(0).doubleValue(), box.y + firstCell.get(1).doubleValue());
        page.waitForURL(u -> u.contains("/compliance/requirements/") && u.contains("/behind"));
        page.waitForSelector("#behind-table");
        assertThat(page.url()).contains("unit=");
        Browser.screenshot(page, "compliance/behind-desktop-zh");
        page.context().close();

        Page phone = browser.phone("zh-CN");
        login(phone, account("GENERAL_SECRETARY"));
        phone.navigate(url("/compliance/heat-map"));
        phone.waitForSelector("#heat-map[data-rendered]");
        Browser.screenshot(phone, "compliance/heat-map-phone-zh");
        assertThat(phone.locator("#heat-map").getAttribute("data-rendered"))
                .isEqualTo(phone.locator("#heat-map").getAttribute("data-cells"));
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        phone.context().close();
        assertThat(browser.externalRequests()).isEmpty();
    }

    void login(Page page, DemoAccount account) {
        page.navigate(url("/login?lang=zh-CN"));
        page.fill("#username", account.username());
        page.fill("#password", account.password());
        page.click("#login-submit");
        page.waitForURL(url("/"));
    }

    static DemoAccount account(String role) {
        return demo.stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow(
                () -> new AssertionError("demo has no " + role + " account"));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
