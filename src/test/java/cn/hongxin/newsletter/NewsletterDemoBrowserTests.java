package cn.hongxin.newsletter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.brand.ProgrammeCatalog;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.compliance.ComplianceEngine;
import cn.hongxin.compliance.SubjectType;
import cn.hongxin.compliance.Verdict;
import cn.hongxin.events.EventService;
import cn.hongxin.security.AccountService;
import cn.hongxin.setup.DemoAccount;
import cn.hongxin.setup.SetupService;
import cn.hongxin.support.Browser;
import cn.hongxin.support.DemoDepartment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo department's newsletters (two issued, drafted from the previous two months' events, and this month's
 * draft) move the default programme's NEWSLETTER_MONTHLY; then, in Chromium, the general secretary adds items to
 * this month's draft, reorders them with the arrow buttons, submits and issues it, and the public page shows it
 * without a login. Screenshots go to target/screenshots/newsletter-*.png.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:newsletter-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hongxin.data-dir=target/newsletter-demo-data"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewsletterDemoBrowserTests {

    static final String PASSWORD = "Newsletter-Passw0rd!";

    @Autowired
    SetupService setup;
    @Autowired
    AccountService accounts;
    @Autowired
    NewsletterService newsletters;
    @Autowired
    ProgrammeCatalog catalog;
    @Autowired
    ComplianceEngine engine;
    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    static final Browser browser = new Browser();
    String secretary;
    String secretaryPassword;

    @BeforeAll
    void loadDemo() {
        DemoAccount general = DemoDepartment.load(setup, PASSWORD).account("GENERAL_SECRETARY");
        secretary = general.username();
        secretaryPassword = general.password();
    }

    @Test
    @Order(1)
    void theDemoHasTwoIssuedNewslettersAndThisMonthsDraftAndTheProgrammeCountsThem() throws Exception {
        List<NewsletterSummary> list = accounts.runAs(secretary, () -> newsletters.list(null));
        YearMonth now = YearMonth.from(LocalDate.now(EventService.ZONE));
        assertThat(list).hasSize(3);
        List<NewsletterSummary> issued = list.stream().filter(s -> s.state() == NewsletterState.ISSUED).toList();
        assertThat(issued).extracting(s -> YearMonth.from(s.periodFrom()))
                .containsExactlyInAnyOrder(now.minusMonths(1), now.minusMonths(2));
        assertThat(issued).allSatisfy(s -> assertThat(s.number()).isPositive());
        assertThat(list).filteredOn(s -> s.state() == NewsletterState.DRAFT).singleElement()
                .satisfies(s -> assertThat(YearMonth.from(s.periodFrom())).isEqualTo(now));
        // drafted from the demo's events
        NewsletterIssueView last = accounts.runAs(secretary, () -> newsletters.get(issued.get(0).id()));
        assertThat(last.sections().stream().flatMap(s -> s.items().stream()).filter(i -> i.eventId() != null))
                .isNotEmpty();

        RequirementDefinition monthly = catalog.measures().stream().flatMap(m -> m.requirements().stream())
                .filter(r -> r.code().equals("NEWSLETTER_MONTHLY")).findFirst().orElseThrow();
        long unit = issued.get(0).unitId();
        awaitEvidence(2);
        LocalDate lastMonthEnd = now.minusMonths(1).atEndOfMonth();
        assertThat(engine.evaluate(monthly, engine.periodOf(monthly, lastMonthEnd).orElseThrow(), unit, lastMonthEnd)
                .verdictOf(SubjectType.UNIT, unit)).isEqualTo(Verdict.MET);
        LocalDate today = LocalDate.now(EventService.ZONE);
        assertThat(engine.evaluate(monthly, engine.periodOf(monthly, today).orElseThrow(), unit, today)
                .verdictOf(SubjectType.UNIT, unit)).isEqualTo(Verdict.BEHIND);
    }

    @Test
    @Order(2)
    void theSecretaryReordersTheDraftAndIssuesItAndThePublicSeesIt() {
        long draftId = accounts.runAs(secretary, () -> newsletters.list(null)).stream()
                .filter(s -> s.state() == NewsletterState.DRAFT).findFirst().orElseThrow().id();
        Page page = browser.desktop("zh-CN");
        browser.login(page, secretary, secretaryPassword);

        page.navigate(browser.url("/newsletter/" + draftId));
        for (String title : List.of("甲：王堃讲党课", "乙：张犇、李燚、陈喆谈体会")) {
            page.locator("form.add-item-form").first().locator("input[name=title]").fill(title);
            page.locator("form.add-item-form").first().locator("textarea[name=body]").fill(title + "。正文。");
            Browser.clickAndWait(page, page.locator("form.add-item-form").first().locator("button[type=submit]"));
        }
        List<String> before = page.locator(".hx-card").first().page().locator("[id^=section-]").first()
                .locator(".item-title").allInnerTexts();
        assertThat(before).endsWith("甲：王堃讲党课", "乙：张犇、李燚、陈喆谈体会");
        // 乙 one up: the arrow button of the last item of the first section
        Browser.clickAndWait(page, page.locator("[id^=section-]").first().locator(".newsletter-item").last()
                .locator("button.item-up"));
        List<String> after = page.locator("[id^=section-]").first().locator(".item-title").allInnerTexts();
        assertThat(after).endsWith("乙：张犇、李燚、陈喆谈体会", "甲：王堃讲党课");
        assertThat(after).hasSize(before.size());
        Browser.screenshot(page, "newsletter-editor-reordered");

        Browser.clickAndWait(page, "#newsletter-submit");
        assertThat(page.locator("#newsletter-state").innerText()).isEqualTo("待审签");
        Browser.clickAndWait(page, "#newsletter-issue");
        assertThat(page.locator("#newsletter-state").innerText()).isEqualTo("已签发");
        assertThat(page.locator("#newsletter-number").innerText()).matches("\\d{4}年第\\d+期");
        Browser.screenshot(page, "newsletter-editor-issued");
        page.context().close();

        Page visitor = browser.phone("zh-CN");
        visitor.navigate(browser.url("/site/newsletters"));
        Browser.clickAndWait(visitor, visitor.locator("#site-newsletters a[href='/site/newsletters/" + draftId + "']"));
        assertThat(visitor.locator("#site-newsletter").innerText()).contains("乙：张犇、李燚、陈喆谈体会")
                .contains("党建工作简报");
        Browser.screenshot(visitor, "newsletter-public-phone");
        visitor.context().close();
        assertThat(browser.externalRequests()).isEmpty();
    }

    void awaitEvidence(int rows) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long n = jdbc.sql("select count(*) from evidence where source_kind = 'NEWSLETTER_ISSUE'").query(Long.class).single();
            if (n >= rows) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no newsletter evidence after 30 s");
    }
}
