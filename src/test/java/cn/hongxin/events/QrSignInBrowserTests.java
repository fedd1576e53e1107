package cn.hongxin.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.Browser;
import cn.hongxin.support.TestOrganisation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 投屏签到 in Chromium: the students' branch secretary schedules a 定期议党会议, starts it and opens the projector;
 * a member's phone opens the scan URL from the page, logs in, confirms and sees success; the projector's count
 * rises to 1; the secretary records minutes and a resolution and closes the event.
 */
@QrSignInBrowserTests.QrBrowserTest
class QrSignInBrowserTests {

    /** Like {@code support.BrowserTest}, with a database of its own. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag("browser")
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-qr;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "hongxin.data-dir=target/browser-qr-data"})
    @ActiveProfiles("test")
    @interface QrBrowserTest {
    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    PersonService people;

    @Test
    void aMemberScansTheProjectorsCodeWithTheirPhone() {
        EventFixtures fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        EventFixtures.Branches b = fixtures.branches();

        Page desk = browser.desktop("zh-CN");
        browser.login(desk, b.studentsSecretary());
        desk.navigate(browser.url("/events/new"));
        desk.selectOption("#typeId", String.valueOf(fixtures.typeId("REGULAR_PARTY_MEETING")));
        desk.selectOption("#organiserUnitId", String.valueOf(b.dept().studentsBranch().id()));
        desk.fill("#title", "十二月定期议党会议");
        desk.fill("#startsAt", LocalDateTime.now(EventService.ZONE).withSecond(0).withNano(0).toString());
        desk.fill("#place", "教学楼201");
        desk.click("#event-save");
        assertThat(desk.locator("#event-info")).containsText("十二月定期议党会议");
        desk.click("#event-start");
        assertThat(desk.locator("#event-info")).containsText("进行中");
        desk.click("#event-projector");
        assertThat(desk.locator("#projector-code svg")).isVisible();
        assertThat(desk.locator("#projector-attended")).hasText("0");
        String scanUrl = desk.locator("#projector-code").getAttribute("data-url");
        assertThat(scanUrl).contains("/signin?t=");
        Browser.screenshot(desk, "qr-projector-desktop-zh");

        Page phone = browser.phone("zh-CN");
        phone.navigate(scanUrl);
        assertThat(phone).hasURL(browser.url("/login"));
        Browser.submitLogin(phone, b.aliceAccount(), TestAccounts.PASSWORD);
        assertThat(phone.locator("#signin-event")).hasText("十二月定期议党会议");
        assertThat(phone.locator("#signin-card")).containsText("教学楼201");
        Browser.screenshot(phone, "qr-signin-confirm-phone-zh");
        phone.click("#signin-confirm");
        assertThat(phone.locator("#signin-done")).containsText("签到成功");
        Browser.screenshot(phone, "qr-signin-done-phone-zh");

        // htmx polls the count every 3 seconds.
        assertThat(desk.locator("#projector-attended")).hasText("1",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(desk.locator("#projector-latest")).containsText("李红");
        Browser.screenshot(desk, "qr-projector-counted-desktop-zh");

        desk.click("#projector-back");
        assertThat(desk.locator("#event-info")).containsText("进行中");
        desk.fill("#minutes", "一、学习会议精神；二、讨论发展党员工作。");
        desk.fill("#summary", "会议研究了发展党员工作。");
        desk.click("#minutes-save");
        assertThat(desk.locator("#minutes")).hasValue("一、学习会议精神；二、讨论发展党员工作。");
        desk.fill("#resolution-form input[name=content]", "十二月底前完成积极分子培养考察");
        desk.click("#resolution-form button");
        assertThat(desk.locator("#resolutions")).containsText("十二月底前完成积极分子培养考察");
        desk.click("#event-close");
        assertThat(desk.locator("#event-info")).containsText("已结束");
        assertThat(desk.locator("main")).containsText("李红");
        Browser.screenshot(desk, "qr-event-closed-desktop-zh");

        assertThat(browser.externalRequests()).isEmpty();
    }
}
