package cn.hongxin.publishing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public site without login (list, article page with Open Graph tags, images of published articles only, the
 * Atom feed parsed back) and the editors' pages.
 */
@IntegrationTest
class PublishingPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PublishingFixtures fixtures;
    @Autowired
    ArticleService articles;
    @Autowired
    JdbcClient jdbc;

    TestOrganisation.Department dept;
    String author;
    String reviewer;
    String approver;
    String secretary;

    @BeforeEach
    void people() {
        dept = org.department();
        author = fixtures.person(dept, "撰稿人", Role.COMMITTEE_MEMBER);
        reviewer = fixtures.person(dept, "初审人", Role.COMMITTEE_MEMBER);
        approver = fixtures.person(dept, "终审人", Role.BRANCH_SECRETARY);
        secretary = fixtures.person(dept, "总支书记", Role.GENERAL_SECRETARY);
    }

    private ArticleView published(String title) {
        long id = fixtures.draft(author, dept.studentsBranch().id(), title).id();
        fixtures.approve(id, author, reviewer, approver);
        return accounts.runAs(secretary, () -> articles.publish(id));
    }

    @Test
    void thePublicSiteNeedsNoLoginAndShowsPublishedArticlesOnly() throws Exception {
        String tag = String.valueOf(System.nanoTime());
        ArticleView pub = published("公开文章" + tag);
        ArticleView draft = fixtures.draft(author, dept.studentsBranch().id(), "草稿文章" + tag);

        String list = mvc.perform(get("/site").param("page", "0")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("公开文章" + tag).doesNotContain("草稿文章" + tag)
                .doesNotContain("https://", "http://cdn", "<script");

        String page = mvc.perform(get(pub.sitePath())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<meta property=\"og:title\" content=\"公开文章" + tag + "\">",
                "<meta property=\"og:type\" content=\"article\">",
                "<meta property=\"og:url\" content=\"http://localhost/site/articles/" + pub.id() + "\">",
                "<meta property=\"og:image\" content=\"http://localhost/site/images/" + pub.coverFileId() + "\">",
                "src=\"/site/images/").doesNotContain("src=\"/files/", "<script");
        assertThat(jdbc.sql("select view_count from article where id = :id").param("id", pub.id()).query(Long.class)
                .single()).isEqualTo(1);
        // The same reader again the same day is not counted twice.
        mvc.perform(get(pub.sitePath())).andExpect(status().isOk());
        assertThat(jdbc.sql("select view_count from article where id = :id").param("id", pub.id()).query(Long.class)
                .single()).isEqualTo(1);

        mvc.perform(get("/site/articles/" + draft.id())).andExpect(status().isNotFound());
        mvc.perform(get("/site/articles/no-such-slug")).andExpect(status().isNotFound());
        mvc.perform(get("/site/images/" + pub.coverFileId())).andExpect(status().isOk());
        mvc.perform(get("/site/images/" + pub.coverFileId() + "/thumbnail")).andExpect(status().isOk());
        mvc.perform(get("/site/images/" + draft.coverFileId())).andExpect(status().isNotFound());
        // The editors' pages and the file store are not public.
        mvc.perform(get("/publishing/articles")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/files/" + pub.coverFileId())).andExpect(status().is3xxRedirection());
    }

    @Test
    void theAtomFeedParsesAndListsOnlyPublishedArticles() throws Exception {
        String tag = String.valueOf(System.nanoTime());
        ArticleView pub = published("订阅文章 <&> " + tag);
        fixtures.draft(author, dept.studentsBranch().id(), "未发布" + tag);

        MvcResult r = mvc.perform(get("/site/feed.atom")).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
        Element root = feed.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(AtomFeedWriter.ATOM);
        assertThat(child(root, "id")).isNotBlank();
        assertThat(child(root, "title")).isNotBlank();
        OffsetDateTime.parse(child(root, "updated"));

        NodeList entries = root.getElementsByTagNameNS(AtomFeedWriter.ATOM, "entry");
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            titles.add(child(e, "title"));
            assertThat(child(e, "id")).startsWith("http://localhost/site/articles/");
            OffsetDateTime.parse(child(e, "updated"));
            assertThat(e.getElementsByTagNameNS(AtomFeedWriter.ATOM, "author").getLength()).isEqualTo(1);
        }
        assertThat(titles).contains("订阅文章 <&> " + tag).noneMatch(t -> t.startsWith("未发布"));
        Element mine = null;
        for (int i = 0; i < entries.getLength(); i++) {
            if (child((Element) entries.item(i), "title").equals(pub.title())) {
                mine = (Element) entries.item(i);
            }
        }
        assertThat(mine).isNotNull();
        Element content = (Element) mine.getElementsByTagNameNS(AtomFeedWriter.ATOM, "content").item(0);
        assertThat(content.getAttribute("type")).isEqualTo("html");
        assertThat(content.getTextContent()).contains("<h2>", "http://localhost/site/images/");
    }

    @Test
    void editorsPagesRenderAndTheEditorSavesAndPreviews() throws Exception {
        ArticleView a = fixtures.draft(author, dept.studentsBranch().id(), "页面测试");
        for (String url : List.of("/publishing/articles", "/publishing/articles?state=DRAFT", "/publishing/articles/new",
                "/publishing/articles/" + a.id(), "/publishing/articles/" + a.id() + "/edit")) {
            mvc.perform(get(url).with(accounts.as(author))).andExpect(status().isOk());
        }
        mvc.perform(get("/publishing/channels").with(accounts.as(secretary))).andExpect(status().isOk());
        mvc.perform(get("/publishing/channels").with(accounts.as(author))).andExpect(status().isForbidden());

        String preview = mvc.perform(post("/publishing/articles").with(accounts.as(author)).with(csrf())
                        .param("title", "预览").param("format", "MARKDOWN").param("unitId", String.valueOf(dept.studentsBranch().id()))
                        .param("body", "**加粗** <script>alert(1)</script>").param("preview", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("<strong>加粗</strong>").doesNotContain("alert(1)</script>");
        assertThat(jdbc.sql("select count(*) from article where title = '预览'").query(Long.class).single()).isZero();

        String refused = mvc.perform(post("/publishing/articles").with(accounts.as(author)).with(csrf())
                        .param("title", "").param("format", "MARKDOWN").param("unitId", String.valueOf(dept.studentsBranch().id()))
                        .param("body", "正文"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("请填写标题");

        mvc.perform(post("/publishing/articles/" + a.id() + "/submit").with(accounts.as(author)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String own = mvc.perform(post("/publishing/articles/" + a.id() + "/review").with(accounts.as(author)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("formError").toString();
        assertThat(own).isEqualTo("不能审核本人撰写的文章。");
        mvc.perform(post("/publishing/articles/" + a.id() + "/return").with(accounts.as(reviewer)).with(csrf())
                .param("comment", "请补充活动照片")).andExpect(status().is3xxRedirection());
        String detail = mvc.perform(get("/publishing/articles/" + a.id()).with(accounts.as(author)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("请补充活动照片", "article-history");
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
