package cn.hongxin.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hongxin.support.Browser;
import cn.hongxin.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first hour of a new department, in Chromium: setup → login → language switch → logout, with no
 * request leaving the machine.
 */
@BrowserTest
class FirstRunFlowBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void setupLoginSwitchLanguageAndLogout() {
        Page page = browser.desktop("zh-CN");
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/setup"));
        Browser.screenshot(page, "setup-desktop-zh");

        page.fill("#organisationName", "某某医科大学委员会");
        page.fill("#adminUsername", "admin");
        page.fill("#adminDisplayName", "系统管理员");
        page.fill("#password", "weak");
        page.fill("#passwordRepeat", "weak");
        page.uncheck("#loadDemo");
        page.click("#setup-submit");
        assertThat(page.locator(".invalid-feedback")).containsText("密码至少需要");

        page.fill("#password", "红心-Dangjian-2026");
        page.fill("#passwordRepeat", "红心-Dangjian-2026");
        page.uncheck("#loadDemo");
        page.click("#setup-submit");
        assertThat(page.locator(".alert-success")).containsText("初始化完成");
        page.click("#go-login");

        page.fill("#username", "admin");
        page.fill("#password", "wrong-password-1");
        page.click("#login-submit");
        assertThat(page.locator(".alert-danger")).containsText("用户名或密码错误");

        page.fill("#username", "admin");
        page.fill("#password", "红心-Dangjian-2026");
        page.click("#login-submit");
        assertThat(page).hasURL(url("/"));
        assertThat(page.locator("h1")).containsText("您好");
        Browser.screenshot(page, "home-desktop-zh");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EN").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("Welcome");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        Browser.screenshot(page, "home-desktop-en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("您好");

        page.click("header .dropdown-toggle");
        page.click("#logout-button");
        assertThat(page.locator(".alert-success")).containsText("您已安全退出");
        page.navigate(url("/org/people"));
        assertThat(page).hasURL(url("/login"));

        assertThat(browser.requestCount()).isGreaterThan(10);
        assertThat(browser.externalRequests()).isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
