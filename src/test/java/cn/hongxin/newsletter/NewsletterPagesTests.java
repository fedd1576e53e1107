package cn.hongxin.newsletter;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The editor's pages and the public site's newsletter pages (no login: issued issues only). */
@IntegrationTest
class NewsletterPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    NewsletterService newsletters;
    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    TestAccounts accounts;

    @Test
    void thePublicSiteShowsOnlyIssuedIssuesWithoutLogin() throws Exception {
        NewsletterFixtures.Org org = fixtures.org();
        NewsletterFixtures.Held event = fixtures.event(org, org.dept().studentsBranch().id(), "RED_BOOK_READING",
                LocalDateTime.of(2025, 10, 8, 19, 0), "红色经典读书会", "学生党员分享心得。", 1, true);
        long issued = fixtures.submitted(org, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31), "已签发的条目");
        accounts.runAs(org.signer(), () -> newsletters.issue(issued, LocalDate.of(2087, 11, 2)));
        long submitted = fixtures.submitted(org, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31), "待审签的条目");
        long draft = fixtures.draft(org, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31));
        long photo = event.photoFileIds().get(0);

        String archive = mvc.perform(get("/site/newsletters").param("year", "2087")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(archive).contains("/site/newsletters/" + issued + "\"").contains("2087年第1期")
                .doesNotContain("/site/newsletters/" + submitted + "\"").doesNotContain("/site/newsletters/" + draft + "\"");
        String page = mvc.perform(get("/site/newsletters/" + issued)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已签发的条目").contains("红色经典读书会").contains("学生党员分享心得。")
                .contains(org.dept().generalBranch().name()).contains("/site/newsletters/" + issued + "/photos/" + photo);
        mvc.perform(get("/site/newsletters/" + issued + "/photos/" + photo)).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));
        mvc.perform(get("/site/newsletters/" + issued + "/pdf")).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));

        mvc.perform(get("/site/newsletters/" + submitted)).andExpect(status().isNotFound());
        mvc.perform(get("/site/newsletters/" + draft)).andExpect(status().isNotFound());
        mvc.perform(get("/site/newsletters/" + draft + "/pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/site/newsletters/" + draft + "/photos/" + photo)).andExpect(status().isNotFound());
        mvc.perform(get("/site/newsletters/" + issued + "/photos/" + (photo + 100000))).andExpect(status().isNotFound());
        // the editor's pages need a login
        mvc.perform(get("/newsletter/" + issued)).andExpect(status().is3xxRedirection());
    }

    @Test
    void theEditorDraftsReordersAndSubmitsThroughThePages() throws Exception {
        NewsletterFixtures.Org org = fixtures.org();
        long unit = org.dept().generalBranch().id();
        String list = mvc.perform(get("/newsletter").with(accounts.as(org.editor()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("id=\"newsletter-draft-form\"").contains(org.dept().generalBranch().name());

        // a bad period: the form again with the field's message, nothing created
        int before = accounts.runAs(org.editor(), () -> newsletters.list(null)).size();
        String refused = mvc.perform(post("/newsletter").with(accounts.as(org.editor())).with(csrf())
                        .param("unitId", Long.toString(unit)).param("periodFrom", "2025-10-31").param("periodTo", "2025-10-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("结束日期不能早于开始日期").doesNotContain("Exception");
        assertThat(accounts.runAs(org.editor(), () -> newsletters.list(null))).hasSize(before);

        String location = mvc.perform(post("/newsletter").with(accounts.as(org.editor())).with(csrf())
                        .param("unitId", Long.toString(unit)).param("periodFrom", "2025-10-01").param("periodTo", "2025-10-31"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long section = accounts.runAs(org.editor(), () -> newsletters.get(id)).sections().get(0).id();
        for (String title : new String[]{"第一条", "第二条", "第三条"}) {
            mvc.perform(post("/newsletter/" + id + "/sections/" + section + "/items").with(accounts.as(org.editor()))
                    .with(csrf()).param("title", title).param("body", title + "的正文"))
                    .andExpect(redirectedUrl("/newsletter/" + id));
        }
        long third = accounts.runAs(org.editor(), () -> newsletters.get(id)).sections().get(0).items().get(2).id();
        mvc.perform(post("/newsletter/" + id + "/items/" + third + "/move").param("direction", "up")
                .with(accounts.as(org.editor())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(org.editor(), () -> newsletters.get(id)).sections().get(0).items())
                .extracting(NewsletterItemView::title).containsExactly("第一条", "第三条", "第二条");

        String editor = mvc.perform(get("/newsletter/" + id).with(accounts.as(org.editor()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(editor).contains("待编号").contains("id=\"newsletter-submit\"").doesNotContain("id=\"newsletter-issue\"");
        mvc.perform(post("/newsletter/" + id + "/submit").with(accounts.as(org.editor())).with(csrf()))
                .andExpect(redirectedUrl("/newsletter/" + id));
        // the editor may not issue: the page has no button and the request is refused
        mvc.perform(post("/newsletter/" + id + "/issue").with(accounts.as(org.editor())).with(csrf()))
                .andExpect(status().isForbidden());
        String signer = mvc.perform(get("/newsletter/" + id).with(accounts.as(org.signer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(signer).contains("id=\"newsletter-issue\"").contains("id=\"newsletter-return\"");
        mvc.perform(post("/newsletter/" + id + "/issue").with(accounts.as(org.signer())).with(csrf()))
                .andExpect(redirectedUrl("/newsletter/" + id));
        assertThat(accounts.runAs(org.signer(), () -> newsletters.get(id)).state()).isEqualTo(NewsletterState.ISSUED);
    }
}
