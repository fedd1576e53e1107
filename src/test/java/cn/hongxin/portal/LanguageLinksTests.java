package cn.hongxin.portal;

import java.net.URI;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 中文 / EN links of the public site and of the signed-in pages open the same page with the same query (a year,
 * a page), only the language changed; whatever the query holds comes out encoded.
 */
@IntegrationTest
class LanguageLinksTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    /** Some account exists, so the first-run setup is over and the public pages answer (whatever ran before). */
    @org.junit.jupiter.api.BeforeEach
    void setUpIsOver() {
        accounts.create("ll", EnumSet.of(Role.MEMBER), null);
    }

    @Test
    void thePublicSitesLanguageLinksKeepThePathAndTheQuery() throws Exception {
        String html = page("/site/newsletters?year=2025&page=2", null);
        assertThat(link(html, "en")).isEqualTo("/site/newsletters?year=2025&page=2&lang=en");
        assertThat(link(html, "zh-CN")).isEqualTo("/site/newsletters?year=2025&page=2&lang=zh-CN");

        // The article list too; a language already chosen is replaced, not repeated.
        String en = page("/site?lang=en&page=2&year=2025", null);
        assertThat(link(en, "zh-CN")).isEqualTo("/site?page=2&year=2025&lang=zh-CN");
        assertThat(link(en, "en")).isEqualTo("/site?page=2&year=2025&lang=en");
    }

    @Test
    void theSignedInLayoutsLanguageLinksKeepTheQueryToo() throws Exception {
        String user = accounts.create("ll", EnumSet.of(Role.MEMBER), null);
        String html = page("/me/checklist?year=2025&page=2", user);
        assertThat(link(html, "en")).isEqualTo("/me/checklist?year=2025&page=2&lang=en");
        assertThat(link(html, "zh-CN")).isEqualTo("/me/checklist?year=2025&page=2&lang=zh-CN");
    }

    @Test
    void whatTheQueryHoldsIsEncodedAgainNotEchoed() throws Exception {
        String html = page("/site/newsletters?year=2025&q=%E7%BA%A2%22%3E%3Cb%3E&x=a%26b%3Dc&flag", null);
        assertThat(html).doesNotContain("\"><b>");
        assertThat(link(html, "en"))
                .isEqualTo("/site/newsletters?year=2025&q=%E7%BA%A2%22%3E%3Cb%3E&x=a%26b%3Dc&flag&lang=en");
        // A malformed escape does not break the page: it is kept, encoded.
        String bad = mvc.perform(get("/site/newsletters").with(r -> {
            r.setQueryString("year=2025&q=%zz");
            return r;
        })).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(link(bad, "en")).isEqualTo("/site/newsletters?year=2025&q=%25zz&lang=en");
        assertThat(LayoutAdvice.languageLink("/site", null, "en")).isEqualTo("/site?lang=en");
        assertThat(LayoutAdvice.languageLink("/site", "lang=zh-CN", "en")).isEqualTo("/site?lang=en");
    }

    private String page(String url, String user) throws Exception {
        var request = get(URI.create(url));
        if (user != null) {
            request = request.with(accounts.as(user));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The href of the language link to {@code lang} (the anchor whose lang attribute is it), unescaped. */
    static String link(String html, String lang) {
        Matcher m = Pattern.compile("<a[^>]*href=\"([^\"]*)\"[^>]*lang=\"" + Pattern.quote(lang) + "\"").matcher(html);
        assertThat(m.find()).as("language link " + lang).isTrue();
        String href = m.group(1);
        assertThat(href).doesNotContain("\"").doesNotContain("<");
        return href.replace("&amp;", "&");
    }
}
