package cn.hongxin.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;

import cn.hongxin.setup.SetupService;
import cn.hongxin.support.Browser;
import cn.hongxin.support.DemoDepartment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcomes dashboard in Chromium on the demo department: the general-branch secretary's one screen with the
 * indicator cards, the charts drawn by the self-hosted ECharts (canvas present), and no console error.
 */
@EvaluationBrowserTests.EvaluationBrowserTest
class EvaluationBrowserTests {

    /** A browser test with a database of its own, the demo department loaded. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag("browser")
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-evaluation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "hongxin.data-dir=target/browser-evaluation-data"})
    @ActiveProfiles("test")
    @interface EvaluationBrowserTest {
    }

    static final String ADMIN_PASSWORD = "Evaluation-Passw0rd!";
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
    void theSecretaryAnswersDidOurBrandWorkFromOneScreen() {
        Page page = browser.desktop("zh-CN");
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(m.text());
            }
        });
        page.onPageError(errors::add);
        browser.login(page, demo.account("GENERAL_SECRETARY"));
        page.navigate(browser.url("/evaluation"));
        page.waitForSelector("#chart-participation[data-rendered]");
        page.waitForSelector("#chart-activity[data-rendered]");
        Browser.screenshot(page, "evaluation/dashboard-desktop-zh");
        assertThat(page.locator("#chart-participation canvas").count()).isPositive();
        assertThat(page.locator("#chart-activity canvas").count()).isPositive();
        assertThat(page.locator(".evaluation-indicator").count()).isGreaterThanOrEqualTo(12);
        assertThat(page.locator("#outcome-MEMBERS_QUALITY").innerText()).contains("党员参加组织生活的比例");
        assertThat(page.locator("#participation-table tbody tr").count()).isPositive();
        assertThat(errors).isEmpty();
        assertThat(browser.externalRequests()).isEmpty();
        page.context().close();
    }
}
