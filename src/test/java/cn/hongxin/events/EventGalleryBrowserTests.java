package cn.hongxin.events;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.Browser;
import cn.hongxin.support.TestOrganisation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 活动照片 in Chromium: the secretary uploads photos and a document through the event page, picks a cover,
 * is told clearly about a text file posing as a photo and about a file over the size limit (the server's
 * answer, not the container's bare 413); a member then looks at the gallery on a phone. Screenshots of both
 * sizes land in target/screenshots.
 */
@EventGalleryBrowserTests.GalleryBrowserTest
class EventGalleryBrowserTests {

    /** Like {@code support.BrowserTest}, with a database of its own and a 1 MB upload limit. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag("browser")
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-gallery;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "hongxin.data-dir=target/browser-gallery-data",
            "hongxin.files.max-bytes=1048576",
            "spring.servlet.multipart.max-file-size=1MB",
            "spring.servlet.multipart.max-request-size=10MB"})
    @ActiveProfiles("test")
    @interface GalleryBrowserTest {
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
    void aSecretaryFillsTheGalleryAndAMemberSeesItOnAPhone() throws IOException {
        EventFixtures fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "THEMED_PARTY_DAY");
        accounts.runAs(b.studentsSecretary(), () -> events.writeMinutes(event, "一、重温入党誓词；二、参观校史馆。",
                "十二月主题党日，全体党员在校史馆前重温入党誓词，参观了“红色校史”展览，并开展了交流讨论。"));
        Path dir = Files.createDirectories(Path.of("target/browser-gallery-data/uploads"));
        Path[] photos = new Path[5];
        for (int i = 0; i < photos.length; i++) {
            photos[i] = dir.resolve("主题党日-" + (i + 1) + ".png");
            Files.write(photos[i], photo(i));
        }
        Path pdf = Files.writeString(dir.resolve("活动方案.pdf"), "%PDF-1.4\n%%EOF\n", StandardCharsets.US_ASCII);
        Path fake = Files.writeString(dir.resolve("不是照片.jpg"), "这是一个文本文件", StandardCharsets.UTF_8);
        Path big = dir.resolve("太大的照片.png");
        Files.write(big, new byte[1_500_000]);

        Page desk = browser.desktop("zh-CN");
        browser.login(desk, b.studentsSecretary());
        desk.navigate(browser.url("/events/" + event));
        desk.setInputFiles("#photo-files", photos);
        desk.click("#photo-upload button[type=submit]");
        assertThat(desk.locator(".alert-success")).containsText("已上传 5 个文件");
        assertThat(desk.locator("#event-gallery img")).hasCount(5);
        desk.setInputFiles("#document-files", pdf);
        desk.click("#document-upload button[type=submit]");
        assertThat(desk.locator("#event-documents")).containsText("活动方案.pdf");
        desk.locator("#event-gallery figure").nth(1).locator("form").first().locator("button").click();
        assertThat(desk.locator("#event-cover")).isVisible();
        assertThat(desk.locator("#event-gallery figure").nth(1)).containsText("封面");

        // A text file named .jpg: refused by content, in words.
        desk.setInputFiles("#photo-files", fake);
        desk.click("#photo-upload button[type=submit]");
        assertThat(desk.locator(".alert-danger")).containsText("不是照片.jpg");
        assertThat(desk.locator(".alert-danger")).containsText("不支持这种文件类型");
        assertThat(desk.locator("#event-gallery img")).hasCount(5);

        // Too large: the page refuses before uploading (once its script has run: the refusal above is a new page,
        // whose alert shows before the script at the end of the body has attached its check) ...
        desk.waitForLoadState();
        desk.setInputFiles("#photo-files", big);
        assertThat(desk.locator("#photo-files")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        // ... and should a browser send it anyway, the server answers with the same page and a clear message.
        desk.evaluate("document.querySelector('#photo-files').removeAttribute('data-max-bytes');"
                + "document.querySelector('#photo-files').setCustomValidity('')");
        desk.click("#photo-upload button[type=submit]");
        assertThat(desk).hasURL(browser.url("/events/" + event));
        assertThat(desk.locator(".alert-danger")).containsText("文件太大，不能超过 1 MB");
        assertThat(desk.locator("#event-gallery img")).hasCount(5);

        desk.navigate(browser.url("/events/" + event));
        assertThat(desk.locator(".alert-danger")).hasCount(0);
        Browser.screenshot(desk, "event-gallery-desktop-zh");

        Page phone = browser.phone("zh-CN");
        browser.login(phone, b.aliceAccount());
        phone.navigate(browser.url("/events/" + event));
        assertThat(phone.locator("#event-gallery img")).hasCount(5);
        assertThat(phone.locator("#event-summary")).containsText("重温入党誓词");
        assertThat(phone.locator("#photo-upload")).hasCount(0);
        Browser.screenshot(phone, "event-gallery-phone-zh");
        // A tile opens the photo itself.
        String href = phone.locator("#event-gallery a").first().getAttribute("href");
        assertThat(phone.request().get(browser.url(href)).status()).isEqualTo(200);

        assertThat(browser.externalRequests()).isEmpty();
    }

    static byte[] photo(int seed) throws IOException {
        Random random = new Random(seed);
        int w = 1200;
        int h = 800;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color[][] skies = {{new Color(0x87, 0xCE, 0xEB), new Color(0xF0, 0xF8, 0xFF)},
                {new Color(0xC8, 0x10, 0x2E), new Color(0xFF, 0xD7, 0x00)},
                {new Color(0x2E, 0x8B, 0x57), new Color(0xE0, 0xF2, 0xE9)}};
        Color[] sky = skies[seed % skies.length];
        g.setPaint(new GradientPaint(0, 0, sky[0], 0, h, sky[1]));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0xB2, 0x22, 0x22));
        g.fillRect(w / 5, h / 3, w * 3 / 5, h / 2);
        g.setColor(new Color(0xF5, 0xF5, 0xDC));
        for (int i = 0; i < 6; i++) {
            g.fillRect(w / 5 + 40 + i * 110, h / 3 + 60, 60, 120);
        }
        for (int i = 0; i < 14; i++) {
            int x = 80 + random.nextInt(w - 160);
            g.setColor(new Color(0x33, 0x33, 0x33));
            g.fillOval(x, h - 190, 36, 36);
            g.setColor(new Color(0x1F, 0x3A, 0x93 + random.nextInt(60)));
            g.fillRoundRect(x - 10, h - 152, 56, 110, 18, 18);
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
