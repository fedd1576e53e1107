package cn.hongxin.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.setup.SetupService;
import cn.hongxin.support.Browser;
import cn.hongxin.support.DemoDepartment;

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
    @RegisterExtension
    static final Browser browser = new Browser();
    static DemoDepartment demo;

    @Autowired
    SetupService setup;

    @BeforeEach
    void demo() {
        demo = DemoDepartment.load(setup, ADMIN_PASSWORD);
    }

    @Test
    void aMemberSeesWhatIsLeftToDoOnAPhone() {
        Page page = browser.phone("zh-CN");
        browser.login(page, demo.account("MEMBER"));
        page.click("#home-checklist a");
        page.waitForURL(browser.url("/me/checklist"));
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
        assertThat(Browser.sidewaysOverflow(page)).isLessThanOrEqualTo(0);
        page.context().close();
    }

    @Test
    void theSecretarySeesTheHeatMapAndACellOpensWhoIsBehind() {
        Page page = browser.desktop("zh-CN");
        browser.login(page, demo.account("GENERAL_SECRETARY"));
        page.navigate(browser.url("/compliance"));
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
        browser.login(phone, demo.account("GENERAL_SECRETARY"));
        phone.navigate(browser.url("/compliance/heat-map"));
        phone.waitForSelector("#heat-map[data-rendered]");
        Browser.screenshot(phone, "compliance/heat-map-phone-zh");
        assertThat(phone.locator("#heat-map").getAttribute("data-rendered"))
                .isEqualTo(phone.locator("#heat-map").getAttribute("data-cells"));
        assertThat(Browser.sidewaysOverflow(phone)).isLessThanOrEqualTo(0);
        phone.context().close();
        assertThat(browser.externalRequests()).isEmpty();
    }
}
