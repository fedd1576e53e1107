package cn.hongxin.publishing;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.Browser;
import cn.hongxin.support.BrowserTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader arriving from a chat on a phone, without an account: the public site lists the published article, its
 * page shows the title, the body with its picture and the share link, fits the phone's width and loads nothing
 * from outside the campus.
 */
@BrowserTest
class PublicSiteBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PublishingFixtures fixtures;
    @Autowired
    ArticleService articles;

    @Test
    void aReaderOnAPhoneReadsAPublishedArticleWithoutLoggingIn() {
        TestOrganisation.Department dept = org.department();
        String author = fixtures.person(dept, "撰稿人", Role.COMMITTEE_MEMBER);
        String reviewer = fixtures.person(dept, "初审人", Role.COMMITTEE_MEMBER);
        String approver = fixtures.person(dept, "终审人", Role.BRANCH_SECRETARY);
        String secretary = fixtures.person(dept, "总支书记", Role.GENERAL_SECRETARY);
        String title = "学生党支部开展“重温入党誓词”主题党日活动" + System.nanoTime() % 10_000;
        long id = fixtures.draft(author, dept.studentsBranch().id(), title).id();
        fixtures.approve(id, author, reviewer, approver);
        ArticleView published = accounts.runAs(secretary, () -> articles.publish(id));
        String unpublished = "尚未发布的稿件" + System.nanoTime() % 10_000;
        fixtures.draft(author, dept.studentsBranch().id(), unpublished);

        Page page = browser.phone("zh-CN");
        page.navigate(browser.url("/site"));
        Browser.screenshot(page, "publishing/site-list-phone-zh");
        assertThat(page.url()).doesNotContain("/login");
        assertThat(page.content()).contains(title).doesNotContain(unpublished);

        page.click("a.site-item-link[href='" + published.sitePath() + "']");
        page.waitForURL(browser.url(published.sitePath()));
        page.waitForLoadState();
        Browser.screenshot(page, "publishing/site-article-phone-zh");
        assertThat(page.locator("h1.site-article-title").innerText()).isEqualTo(title);
        assertThat(page.locator(".site-body").innerText()).contains("支部组织党员重温入党誓词");
        // The cover and the body's picture are served to a reader without an account, and have loaded.
        Object loaded = page.evaluate("() => Array.from(document.querySelectorAll('#site-article img'))"
                + ".map(i => i.complete && i.naturalWidth > 0)");
        assertThat((java.util.List<Object>) loaded).hasSize(2).containsOnly(Boolean.TRUE);
        assertThat(page.inputValue("#share-url")).endsWith(published.sitePath());
        assertThat(Browser.sidewaysOverflow(page)).isLessThanOrEqualTo(0);
        assertThat(browser.externalRequests()).isEmpty();
        page.context().close();
    }
}
