package cn.hongxin.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import cn.hongxin.security.TestAccounts;
import cn.hongxin.setup.DemoAccount;

/**
 * Debian's Chromium driven by Playwright (no browser download). Records every URL a page requests,
 * so tests can assert that nothing is loaded from outside the application.
 *
 * <p>Register it in a browser test as {@code @RegisterExtension static final Browser browser = new Browser();}:
 * Chromium starts before the class's tests and is closed after them, and {@link #url(String)} points at the
 * application the test started on its random port. {@link #login} signs in through the login page.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final Path CHROMIUM = Paths.get(System.getProperty("hongxin.chromium", "/usr/bin/chromium"));
    private static final double LOGIN_TIMEOUT_MS = 15_000;

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final Map<BrowserContext, String> locales = Collections.synchronizedMap(new WeakHashMap<>());
    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;
    private String baseUrl;

    /** Chromium is started when the first page is opened (or before the tests, when registered as an extension). */
    public Browser() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("no local.server.port: a browser test needs webEnvironment = RANDOM_PORT");
        }
        baseUrl = "http://localhost:" + port;
        launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private synchronized com.microsoft.playwright.Browser launch() {
        if (browser == null) {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("Chromium not found at " + CHROMIUM
                        + ": install Debian's chromium package (the test command does this)");
            }
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        }
        return browser;
    }

    /** The application's address for a path (starting with a slash), e.g. {@code url("/site")}. */
    public String url(String path) {
        if (baseUrl == null) {
            throw new IllegalStateException("register the Browser with @RegisterExtension to know the application's port");
        }
        return baseUrl + path;
    }

    /** A desktop-sized page (1280×900). */
    public Page desktop(String locale) {
        return page(new NewContextOptions().setViewportSize(1280, 900).setLocale(locale), locale);
    }

    /** A phone-sized page (390×844, touch), as a member opening a link from WeChat. */
    public Page phone(String locale) {
        return page(new NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2).setLocale(locale)
                .setUserAgent("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 MicroMessenger/8.0"),
                locale);
    }

    private Page page(NewContextOptions options, String locale) {
        BrowserContext context = launch().newContext(options);
        context.setDefaultTimeout(15_000);
        locales.put(context, locale);
        Page page = context.newPage();
        page.onRequest(r -> requested.add(r.url()));
        return page;
    }

    /**
     * Signs in through the login page, in the page's language (the {@code lang} the page was opened with), and
     * waits until the home page has opened: a refused login fails here.
     */
    public void login(Page page, String username, String password) {
        String locale = locales.getOrDefault(page.context(), "zh-CN");
        page.navigate(url("/login?lang=" + (locale.startsWith("en") ? "en" : "zh-CN")));
        submitLogin(page, username, password);
        PlaywrightAssertions.assertThat(page).hasURL(url("/"),
                new PageAssertions.HasURLOptions().setTimeout(LOGIN_TIMEOUT_MS));
    }

    /** Signs in as an account of the demo department (see {@link DemoDepartment}). */
    public void login(Page page, DemoAccount account) {
        login(page, account.username(), account.password());
    }

    /** Signs in as a {@link TestAccounts} account (they share {@link TestAccounts#PASSWORD}). */
    public void login(Page page, String testAccount) {
        login(page, testAccount, TestAccounts.PASSWORD);
    }

    /** Fills in the login form the page shows and submits it; waits for nothing (the test says what follows). */
    public static void submitLogin(Page page, String username, String password) {
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
    }

    /**
     * Clicks what submits a form or follows a link and waits until the document it leads to (after any redirect)
     * is parsed: a click alone returns before the next page has even started to load. It does not wait for the
     * page's images (the load event): a newsletter draft's photos are thumbnailed on first request, which on a
     * busy CI machine took longer than the wait; what the test reads next is in the document, and locators wait
     * for it.
     */
    @SuppressWarnings("deprecation")
    public static void clickAndWait(Page page, Locator target) {
        page.waitForNavigation(new Page.WaitForNavigationOptions()
                .setWaitUntil(com.microsoft.playwright.options.WaitUntilState.DOMCONTENTLOADED), target::click);
    }

    /** {@link #clickAndWait(Page, Locator)} for a selector. */
    public static void clickAndWait(Page page, String selector) {
        clickAndWait(page, page.locator(selector));
    }

    /** How many pixels the page is wider than the window (0 or less: it does not scroll sideways). */
    public static int sidewaysOverflow(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        return ((Number) overflow).intValue();
    }

    /** Every requested URL whose host is not this machine. */
    public List<String> externalRequests() {
        return requested.stream().filter(u -> u.startsWith("http")).filter(u -> {
            String host = URI.create(u).getHost();
            return !("localhost".equals(host) || "127.0.0.1".equals(host));
        }).toList();
    }

    public int requestCount() {
        return requested.size();
    }

    /** Saves a full-page screenshot under target/screenshots for people to look at. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Paths.get("target/screenshots/" + name + ".png")));
    }

    @Override
    public synchronized void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
            playwright = null;
        }
    }
}
