package cn.hongxin.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright (no browser download). Records every URL a page requests,
 * so tests can assert that nothing is loaded from outside the application.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get(System.getProperty("hongxin.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    public Browser() {
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

    /** A desktop-sized page (1280×900). */
    public Page desktop(String locale) {
        return page(new NewContextOptions().setViewportSize(1280, 900).setLocale(locale));
    }

    /** A phone-sized page (390×844, touch), as a member opening a link from WeChat. */
    public Page phone(String locale) {
        return page(new NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2).setLocale(locale)
                .setUserAgent("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 MicroMessenger/8.0"));
    }

    private Page page(NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.onRequest(r -> requested.add(r.url()));
        return page;
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
    public void close() {
        browser.close();
        playwright.close();
    }
}
