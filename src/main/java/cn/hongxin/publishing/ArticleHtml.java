package cn.hongxin.publishing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an article's body (Markdown or rich-text HTML) into HTML that is safe to show anywhere: rendered with
 * commonmark, then sanitised on the server with the OWASP java-html-sanitizer. What survives: text formatting,
 * headings, lists, quotes, code, tables, links (http, https, mailto or site-relative; every link gets
 * rel nofollow noopener) and images whose source is a file of this site (/files/ID or /files/ID/thumbnail).
 * No script, no style, no event handler, no frame, no form, no external resource.
 */
@Component
public class ArticleHtml {

    /** An image of this site's file store, the only image source kept. */
    static final Pattern SITE_IMAGE = Pattern.compile("/files/(\\d{1,18})(/thumbnail)?");
    private static final Pattern IMAGE_IN_HTML = Pattern.compile("src=\"/files/(\\d{1,18})(/thumbnail)?\"");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");
    private static final Pattern LINK_URL = Pattern.compile(
            "(?i)(?:https?://[^\\s\"'<>]+|mailto:[^\\s\"'<>]+|/(?!/)[^\\s\"'<>]*|#[\\w-]*)");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del",
                    "sub", "sup", "blockquote", "ul", "ol", "li", "pre", "code", "hr", "table", "thead", "tbody",
                    "tr", "th", "td", "figure", "figcaption", "span", "div", "a", "img")
            .allowAttributes("href").matching(LINK_URL).onElements("a")
            .allowAttributes("title").onElements("a", "img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("src").matching(SITE_IMAGE).onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,4}")).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,2}")).onElements("td", "th")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener")
            // An image without an allowed source is dropped altogether (not kept as an empty tag).
            .allowElements((name, attrs) -> attrs.contains("src") ? name : null, "img")
            .toFactory();

    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();

    /** Safe HTML of a body in the given format. */
    public String render(BodyFormat format, String source) {
        if (source == null || source.isBlank()) {
            return "";
        }
        String html = format == BodyFormat.MARKDOWN ? renderer.render(markdown.parse(source)) : source;
        return sanitise(html);
    }

    /** Safe HTML of untrusted HTML. */
    public String sanitise(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /** Ids of the site's files a sanitised body shows, in order of appearance. */
    static Set<Long> imageFileIds(String safeHtml) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher m = IMAGE_IN_HTML.matcher(safeHtml == null ? "" : safeHtml);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The sanitised body with its images served from the public site's image path instead of /files. */
    static String forPublicSite(String safeHtml) {
        return IMAGE_IN_HTML.matcher(safeHtml == null ? "" : safeHtml)
                .replaceAll(m -> Matcher.quoteReplacement("src=\"/site/images/" + m.group(1) + "\""));
    }

    /** Plain text of a sanitised body (for summaries), at most {@code max} characters. */
    static String plainText(String safeHtml, int max) {
        String tagless = (safeHtml == null ? "" : safeHtml).replaceAll("<[^>]*>", " ");
        String decoded = NUMERIC_ENTITY.matcher(tagless).replaceAll(m -> {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            return Matcher.quoteReplacement(Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ");
        });
        String text = decoded.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
