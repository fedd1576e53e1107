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

import cn.hongxin.setup.DemoAccount;
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
    /** The outcome pages compute over the whole demo; on a shared, busy build machine they may take longer. */
    static final double SLOW_PAGE_MS = 60_000;
    @RegisterExtension
    static final Browser browser = new Browser();
    static DemoDepartment demo;

    @Autowired
    SetupService setup;
    @Autowired
    cn.hongxin.security.TestAccounts accounts;
    @Autowired
    cn.hongxin.events.EventService events;

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

    @Test
    void aMemberPicksThePeriodOfTheirPointsOnAPhone() {
        Page page = browser.phone("zh-CN");
        page.setDefaultTimeout(SLOW_PAGE_MS);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        browser.login(page, demo.account("MEMBER"));
        page.navigate(browser.url("/me/points"));
        Browser.screenshot(page, "evaluation/me-points-phone-zh");
        assertThat(page.locator("#period-picker a.active").innerText()).isEqualTo("本学期");
        assertThat(page.locator("#period-picker a").count()).as("this semester, the year and last semester if the calendar has it")
                .isBetween(2, 3);
        assertThat(page.locator("#timeline .timeline-entry").count()).isPositive();
        assertThat(page.locator("#my-points").isVisible()).isTrue();
        assertThat(page.locator("#my-rank").innerText()).matches("\\d+ / \\d+");
        assertThat(page.locator("#my-general-rank").innerText()).matches("\\d+ / \\d+");
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);
        String semester = page.locator("#points-period").innerText();
        page.click("#period-picker a[data-choice='YEAR']");
        page.waitForURL(u -> u.contains("period=YEAR"));
        assertThat(page.locator("#period-picker a.active").innerText()).isEqualTo("本学年");
        assertThat(page.locator("#points-period").innerText()).as("the academic year, not the semester")
                .isNotEqualTo(semester).matches(".+（\\d{4}-\\d{2}-\\d{2} 至 \\d{4}-\\d{2}-\\d{2}）");
        assertThat(page.locator("#my-general-rank").isVisible()).isTrue();
        Browser.screenshot(page, "evaluation/me-points-year-phone-zh");
        assertThat(errors).isEmpty();
        page.context().close();
    }

    @Test
    void theOneFilterFormWorksOnTheDashboardThePointsAndTheReports() {
        Page page = browser.desktop("zh-CN");
        page.setDefaultTimeout(SLOW_PAGE_MS);
        browser.login(page, demo.account("GENERAL_SECRETARY"));
        for (String[] p : new String[][] {{"/evaluation", "evaluation"}, {"/evaluation/points", "points"},
                {"/evaluation/reports", "reports"}}) {
            page.navigate(browser.url(p[0]));
            String key = p[1];
            assertThat(page.locator("#" + key + "-unit option").count()).as(p[0]).isGreaterThan(1);
            String unitName = page.locator("#" + key + "-unit option").nth(1).innerText().strip();
            String unitId = page.locator("#" + key + "-unit option").nth(1).getAttribute("value");
            page.selectOption("#" + key + "-unit", unitId);
            page.fill("#" + key + "-on", java.time.LocalDate.now().toString());
            page.click("#" + key + "-search-submit");
            page.waitForURL(u -> u.contains("unit=" + unitId));
            assertThat(page.locator("#" + key + "-selection").innerText()).as(p[0]).startsWith(unitName);
            assertThat(page.locator("#" + key + "-unit").inputValue()).isEqualTo(unitId);
            Browser.screenshot(page, "evaluation/filter-" + key + "-desktop-zh");
        }
        page.context().close();
    }

    @Test
    void theSecretaryRecordsTheDayAFollowUpWasDone() {
        DemoAccount secretary = demo.account("GENERAL_SECRETARY");
        java.time.LocalDate today = java.time.LocalDate.now(cn.hongxin.events.EventService.ZONE);
        long[] open = accounts.runAs(secretary.username(), () -> events.calendar(today.minusDays(90), today).stream()
                .filter(e -> e.startsAt().toLocalDate().isBefore(today.minusDays(2)))
                .flatMap(e -> events.resolutions(e.id()).stream()
                        .filter(r -> r.state() == cn.hongxin.events.ResolutionState.OPEN)
                        .map(r -> new long[] {e.id(), r.id(), e.startsAt().toLocalDate().toEpochDay()}))
                .findFirst().orElseThrow());
        java.time.LocalDate meetingDay = java.time.LocalDate.ofEpochDay(open[2]);
        Page page = browser.desktop("zh-CN");
        browser.login(page, secretary);
        page.navigate(browser.url("/events/" + open[0]));
        String field = "#done-on-" + open[1];
        assertThat(page.locator(field).inputValue()).as("today by default").isEqualTo(today.toString());
        page.locator(field).scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Paths.get(
                "target/screenshots/evaluation/resolution-open-desktop-zh.png")));
        page.fill(field, meetingDay.minusDays(1).toString());
        page.locator(field).evaluate("el => el.form.submit()");
        page.waitForSelector(".alert-danger");
        assertThat(page.locator(".alert-danger").innerText()).contains("落实日期不能早于会议日期");
        page.fill(field, meetingDay.plusDays(1).toString());
        page.locator(field).locator("xpath=ancestor::form//button").click();
        page.waitForSelector(".alert-success");
        assertThat(page.locator("#resolutions").innerText()).contains(meetingDay.plusDays(1) + " ", "落实");
        Browser.screenshot(page, "evaluation/resolution-done-on-desktop-zh");
        page.context().close();
    }
}
