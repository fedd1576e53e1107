package cn.hongxin.publishing;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-side sanitiser against XSS vectors in the style of the OWASP cheat sheet: nothing that runs script,
 * handles events, frames, styles or loads from outside survives, in HTML and in Markdown; ordinary formatting does.
 */
class ArticleHtmlTests {

    private final ArticleHtml html = new ArticleHtml();

    static List<String> vectors() {
        return List.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "<img src=x onerror=alert(1)>",
                "<img src=\"/files/1\" onerror=\"alert(1)\">",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
                "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"JAVASCRIPT:alert(1)\">click</a>",
                "<a href=\" javascript:alert(1)\">click</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<body onload=alert(1)>",
                "<div style=\"width: expression(alert(1))\">x</div>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "<p style=\"background-image:url(https://evil.example/t.png)\">x</p>",
                "<style>@import 'https://evil.example/x.css';</style>",
                "<link rel=stylesheet href=\"https://evil.example/x.css\">",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<frameset><frame src=\"https://evil.example\"></frameset>",
                "<object data=\"https://evil.example/x.swf\"></object>",
                "<embed src=\"https://evil.example/x.swf\">",
                "<img src=\"https://evil.example/track.png\">",
                "<img src=\"//evil.example/track.png\">",
                "<img src=\"http://evil.example/files/1\">",
                "<img src=\"/files/1/../../evil\">",
                "<video src=\"https://evil.example/v.mp4\" autoplay></video>",
                "<audio src=\"https://evil.example/a.mp3\"></audio>",
                "<form action=\"https://evil.example\"><input name=x><button>go</button></form>",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
                "<base href=\"https://evil.example/\">",
                "<input onfocus=alert(1) autofocus>",
                "<details open ontoggle=alert(1)>",
                "<marquee onstart=alert(1)>x</marquee>",
                "<a href=\"/x\" onclick=\"alert(1)\" onmouseover=\"alert(2)\">x</a>",
                "<div onmouseover=\"alert(1)\">x</div>",
                "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
                "<td background=\"https://evil.example/x.png\">x</td>",
                "<img \"\"\"><script>alert(1)</script>\">",
                "<<script>alert(1)//<</script>",
                "<img src=\"/files/1\"<script>alert(1)</script>",
                "<a href=\"https://example.org/\" target=\"_blank\" onclick=alert(1)>x</a>",
                "<!--<script>alert(1)</script>-->",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<xss id=x tabindex=1 onfocusin=alert(1)></xss>",
                "<span style=\"position:fixed;top:0;left:0;width:100%;height:100%\">x</span>");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void htmlVectorsLeaveNothingActiveOrExternal(String vector) {
        assertSafe(html.render(BodyFormat.HTML, "<p>前</p>" + vector + "<p>后</p>"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void markdownWithRawHtmlVectorsLeavesNothingActiveOrExternal(String vector) {
        assertSafe(html.render(BodyFormat.MARKDOWN, "# 标题\n\n" + vector + "\n\n正文 " + vector));
    }

    @Test
    void markdownLinksAndImagesAreCheckedToo() {
        String out = html.render(BodyFormat.MARKDOWN, """
                [点我](javascript:alert(1)) [数据](data:text/html,<script>alert(1)</script>)
                ![外链](https://evil.example/t.png) ![本站](/files/42) <https://example.org/a>
                """);
        assertSafe(out);
        assertThat(out).contains("src=\"/files/42\"").doesNotContain("evil.example");
        assertThat(out).contains("href=\"https://example.org/a\"");
    }

    @Test
    void ordinaryFormattingSurvivesAndLinksGetNofollowNoopener() {
        String out = html.render(BodyFormat.MARKDOWN, """
                ## 主题党日

                **重温入党誓词**，*学习*党章。

                > 不忘初心，牢记使命

                - 一
                - 二

                [学习强国](https://www.xuexi.cn/) ![合影](/files/7 "合影") ![缩略](/files/8/thumbnail)
                """);
        assertThat(out).contains("<h2>主题党日</h2>", "<strong>重温入党誓词</strong>", "<em>学习</em>",
                "<blockquote>", "<li>一</li>", "src=\"/files/7\"", "src=\"/files/8/thumbnail\"", "title=\"合影\"");
        assertThat(out).containsPattern("<a href=\"https://www.xuexi.cn/\" rel=\"(nofollow noopener|noopener nofollow)\">");
        assertThat(ArticleHtml.imageFileIds(out)).containsExactly(7L, 8L);
        assertThat(ArticleHtml.forPublicSite(out)).contains("src=\"/site/images/7\"", "src=\"/site/images/8\"")
                .doesNotContain("/files/");
    }

    @Test
    void plainTextOfAnEmptiedBodyIsEmpty() {
        assertThat(ArticleHtml.plainText(html.render(BodyFormat.HTML, "<script>alert(1)</script>"), 50)).isEmpty();
        assertThat(ArticleHtml.plainText(html.render(BodyFormat.MARKDOWN, "**你好** &amp; 世界"), 50)).isEqualTo("你好 & 世界");
        assertThat(ArticleHtml.plainText(html.render(BodyFormat.MARKDOWN, "11月11日，支部开展“读书会”：共读"), 50))
                .isEqualTo("11月11日，支部开展“读书会”：共读");
    }

    /**
     * Checks the markup only: text is escaped by the sanitiser (a vector shown as words, such as
     * {@code &lt;img src&#61;javascript:…&gt;}, is harmless), so the checks run on the tags that are left.
     */
    private static void assertSafe(String out) {
        assertThat(out).doesNotContainPattern("<[^a-z/!]");
        String lower = java.util.regex.Pattern.compile("<[^>]*>").matcher(out.toLowerCase(Locale.ROOT)).results()
                .map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(lower).doesNotContain("<script", "</script", "javascript:", "vbscript:", "data:", "<iframe",
                "<frame", "<object", "<embed", "<svg", "<math", "<style", "style=", "<link", "<meta", "<base", "<form",
                "<input", "<button", "<video", "<audio", "<body", "expression(", "evil.example", "background=",
                "<details", "<marquee", "<xss");
        assertThat(lower).doesNotContainPattern("\\son[a-z]+\\s*=");
        // Every image left comes from this site's file store.
        assertThat(lower).doesNotContainPattern("<img(?![^>]*src=\"/files/\\d+(/thumbnail)?\")[^>]*>");
        // Every link left carries rel nofollow noopener.
        assertThat(lower).doesNotContainPattern("<a (?![^>]*rel=\"[^\"]*nofollow)[^>]*>");
    }
}
