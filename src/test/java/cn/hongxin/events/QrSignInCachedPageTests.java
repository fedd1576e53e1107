package cn.hongxin.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone page cut once at its marks and filled per request. */
class QrSignInCachedPageTests {

    private static final String TOKEN = "hxQrSignInTokenMark";
    private static final String CSRF = "hxQrSignInCsrfMark";

    @Test
    void fillsEveryMarkWithTheRequestsValuesAndKeepsTheRestByteForByte() {
        String html = "<a href=\"/signin?t=" + TOKEN + "&lang=en\">English</a><p>党支部 · 礼堂</p>"
                + "<form><input name=\"_csrf\" value=\"" + CSRF + "\"><input name=\"t\" value=\"" + TOKEN + "\"></form>";
        QrSignInController.CachedPage page = QrSignInController.CachedPage.of(html);
        assertThat(page.hasCsrf()).isTrue();
        String filled = new String(page.fill("12.345.abc-_", "c&amp;1"), StandardCharsets.UTF_8);
        assertThat(filled).isEqualTo(html.replace(TOKEN, "12.345.abc-_").replace(CSRF, "c&amp;1"));
    }

    @Test
    void aPageWithoutACsrfFieldNeedsNone() {
        String html = "<p>" + TOKEN + "</p><p>已签到</p>";
        QrSignInController.CachedPage page = QrSignInController.CachedPage.of(html);
        assertThat(page.hasCsrf()).isFalse();
        assertThat(new String(page.fill("9.1.x", null), StandardCharsets.UTF_8)).isEqualTo("<p>9.1.x</p><p>已签到</p>");
    }

    @Test
    void marksAtTheEdgesAndSideBySide() {
        String html = TOKEN + CSRF + "中" + TOKEN;
        QrSignInController.CachedPage page = QrSignInController.CachedPage.of(html);
        assertThat(new String(page.fill("t", "c"), StandardCharsets.UTF_8)).isEqualTo("tc中t");
    }
}
