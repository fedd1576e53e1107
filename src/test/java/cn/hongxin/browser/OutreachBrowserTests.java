package cn.hongxin.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.events.EventService;
import cn.hongxin.setup.DemoAccount;
import cn.hongxin.setup.SetupService;
import cn.hongxin.support.Browser;
import cn.hongxin.support.DemoDepartment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health for Everyone in Chromium on the demo department: the teachers' branch secretary records a talk that was
 * held from a phone (one event, shown in the list with its audience), and publishes a written column piece on a
 * desktop.
 */
@OutreachBrowserTests.OutreachBrowserTest
class OutreachBrowserTests {

    /** A browser test with a database of its own, the demo department loaded. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag("browser")
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-outreach;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "hongxin.data-dir=target/browser-outreach-data"})
    @ActiveProfiles("test")
    @interface OutreachBrowserTest {
    }

    static final String ADMIN_PASSWORD = "Outreach-Passw0rd!";
    @RegisterExtension
    static final Browser browser = new Browser();
    static DemoDepartment demo;

    @Autowired
    SetupService setup;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demo() {
        demo = DemoDepartment.load(setup, ADMIN_PASSWORD);
    }

    @Test
    void theTeachersBranchSecretaryRecordsAHeldTalkFromAPhone() {
        Page page = browser.phone("zh-CN");
        browser.login(page, secretary());
        page.navigate(browser.url("/outreach/talks"));
        Browser.screenshot(page, "outreach/talks-phone-zh");
        page.click("#talk-add");
        page.waitForURL(browser.url("/outreach/talks/new"));
        String title = "“健康你我他”进宿舍：常见皮肤病防治";
        page.fill("#title", title);
        String start = LocalDateTime.now(EventService.ZONE).minusDays(1).withHour(19).truncatedTo(ChronoUnit.HOURS)
                .toString();
        page.fill("#startsAt", start);
        page.fill("#place", "学生公寓活动室");
        page.check("#setting-CAMPUS");
        page.fill("#topic", "湿疹与真菌感染的预防");
        page.fill("#audience", "48");
        page.locator("input[name=speakerPersonIds]").first().check();
        assertThat(page.isChecked("#held")).isTrue();
        Browser.screenshot(page, "outreach/talk-form-phone-zh");
        page.click("#talk-save");
        page.waitForURL(browser.url("/outreach/talks"));
        assertThat(page.locator(".alert-success").innerText()).contains("已登记宣讲");
        var row = page.locator("#talks-table tbody tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.innerText()).contains("48").contains("已结束");
        Browser.screenshot(page, "outreach/talk-recorded-phone-zh");
        assertThat(jdbc.sql("select count(*) from event where title = :t").param("t", title).query(Long.class).single())
                .isEqualTo(1);
        assertThat(Browser.sidewaysOverflow(page)).isLessThanOrEqualTo(0);
        page.context().close();
        assertThat(browser.externalRequests()).isEmpty();
    }

    @Test
    void theSecretaryPublishesAWrittenColumnPiece() {
        Long pieceId = jdbc.sql("select min(id) from column_piece where state = 'WRITTEN' and last_reason is null")
                .query(Long.class).single();
        assertThat(pieceId).isNotNull();
        Page page = browser.desktop("zh-CN");
        browser.login(page, secretary());
        page.navigate(browser.url("/outreach/column"));
        Browser.screenshot(page, "outreach/column-desktop-zh");
        page.navigate(browser.url("/outreach/column/pieces/" + pieceId));
        assertThat(page.locator("#piece-state").innerText()).isEqualTo("已交稿");
        Browser.screenshot(page, "outreach/piece-written-desktop-zh");
        page.click("#move-published");
        page.waitForSelector(".alert-success");
        assertThat(page.locator("#piece-state").innerText()).isEqualTo("已刊发");
        assertThat(page.locator("#piece-history li").last().innerText()).contains("已刊发");
        Browser.screenshot(page, "outreach/piece-published-desktop-zh");
        page.context().close();
        assertThat(browser.externalRequests()).isEmpty();
    }

    static DemoAccount secretary() {
        return demo.accounts().stream().filter(a -> a.username().startsWith("jiaogong")).findFirst().orElseThrow(
                () -> new AssertionError("demo has no teachers' branch secretary"));
    }
}
