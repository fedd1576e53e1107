package cn.hongxin.publishing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.files.FileStore;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Publishing an article on WeChat against the local stand-in: every step's result kept on the article, a failure
 * half-way resumed without a second image upload, a second draft or a second publication, a content rejection
 * left alone by the retry job, the secret encrypted at rest and masked on screen.
 */
@IntegrationTest
class WeChatPublishingTests {

    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PublishingFixtures fixtures;
    @Autowired
    ArticleService articles;
    @Autowired
    WeChatChannelService channel;
    @Autowired
    ObjectProvider<FileStore> files;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    WeChatStandIn wechat;
    WeChatPublisher publisher;
    TestOrganisation.Department dept;
    String author;
    String reviewer;
    String approver;
    String secretary;

    @BeforeEach
    void setUp() throws Exception {
        wechat = new WeChatStandIn();
        publisher = new WeChatPublisher(jdbc, channel, new WeChatClient(wechat.baseUrl(), java.time.Clock.systemUTC()),
                files, audit, "https://dangjian.example.edu.cn");
        dept = org.department();
        author = fixtures.person(dept, "撰稿人", Role.COMMITTEE_MEMBER);
        reviewer = fixtures.person(dept, "初审人", Role.COMMITTEE_MEMBER);
        approver = fixtures.person(dept, "终审人", Role.BRANCH_SECRETARY);
        secretary = fixtures.person(dept, "总支书记", Role.GENERAL_SECRETARY);
    }

    @AfterEach
    void tearDown() {
        // The channel is one row for the whole application: leave it unconfigured for other tests.
        accounts.runAs(secretary, () -> channel.clear());
        // The retry job looks at every article: leave none of this test's in its way.
        jdbc.sql("update article set wechat_state = 'NONE', wechat_publish_id = null where wechat_state <> 'NONE'")
                .update();
        wechat.close();
    }

    /** Published on the site while the channel is not configured yet, then the channel configured. */
    private long publishedArticle(String title) {
        long id = fixtures.draft(author, dept.studentsBranch().id(), title).id();
        fixtures.approve(id, author, reviewer, approver);
        accounts.runAs(secretary, () -> articles.publish(id));
        assertThat(wechatState(id)).isEqualTo(WeChatState.NONE);
        accounts.runAs(secretary, () -> channel.configure(WeChatStandIn.APP_ID, WeChatStandIn.SECRET));
        return id;
    }

    @Test
    void withoutCredentialsTheChannelSaysSoAndNothingIsSent() {
        long id = fixtures.draft(author, dept.studentsBranch().id(), "未配置").id();
        fixtures.approve(id, author, reviewer, approver);
        accounts.runAs(secretary, () -> articles.publish(id));
        assertThat(accounts.runAs(secretary, () -> channel.view()).configured()).isFalse();
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> articles.pushToWeChat(id)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("wechat.notConfigured");
        publisher.push(id);
        assertThat(wechat.paths()).isEmpty();
    }

    @Test
    void theSecretIsEncryptedAtRestAndMasked() {
        accounts.runAs(secretary, () -> channel.configure(WeChatStandIn.APP_ID, WeChatStandIn.SECRET));
        String stored = jdbc.sql("select secret_cipher from wechat_channel where id = 1").query(String.class).single();
        assertThat(stored).doesNotContain(WeChatStandIn.SECRET);
        WeChatChannelView view = accounts.runAs(secretary, () -> channel.view());
        assertThat(view.maskedSecret()).doesNotContain(WeChatStandIn.SECRET).startsWith("012").endsWith("def");
        // A blank secret keeps the stored one; a bad app id changes nothing.
        accounts.runAs(secretary, () -> channel.configure(WeChatStandIn.APP_ID, ""));
        assertThat(channel.credentials()).get().extracting(WeChatClient.Credentials::secret)
                .isEqualTo(WeChatStandIn.SECRET);
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> channel.configure("not-an-app-id", "")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(channel.credentials()).get().extracting(WeChatClient.Credentials::appId)
                .isEqualTo(WeChatStandIn.APP_ID);
        // Only publishing:channel may see or set it.
        assertThatThrownBy(() -> accounts.runAs(approver, () -> channel.view()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aPublishedArticleGoesToWeChatOnceAndIsPolledUntilPublished() {
        long id = publishedArticle("微信发布成功");
        publisher.push(id);
        assertThat(wechatState(id)).isEqualTo(WeChatState.SUBMITTED);
        assertThat(wechat.successes("/cgi-bin/material/add_material")).isEqualTo(1);
        assertThat(wechat.successes("/cgi-bin/media/uploadimg")).isEqualTo(1);
        assertThat(wechat.successes("/cgi-bin/draft/add")).isEqualTo(1);
        assertThat(wechat.successes("/cgi-bin/freepublish/submit")).isEqualTo(1);
        String content = wechat.draftBodies.get(0).path("articles").path(0).path("content").asString();
        assertThat(content).contains("src=\"http://mmbiz.qpic.cn/").doesNotContain("/files/");
        assertThat(wechat.draftBodies.get(0).path("articles").path(0).path("content_source_url").asString())
                .isEqualTo("https://dangjian.example.edu.cn/site/articles/" + id);

        publisher.retryOnce();
        ArticleView a = accounts.runAs(author, () -> articles.get(id));
        assertThat(a.wechatState()).isEqualTo(WeChatState.PUBLISHED);
        assertThat(a.wechatArticleUrl()).startsWith("https://mp.weixin.qq.com/s/");
        assertThat(a.wechatError()).isNull();

        // Pushing again publishes nothing twice.
        publisher.push(id);
        publisher.retryOnce();
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> articles.pushToWeChat(id)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("article.wechat.already");
        assertThat(wechat.successes("/cgi-bin/draft/add")).isEqualTo(1);
        assertThat(wechat.calls("/cgi-bin/freepublish/submit")).isEqualTo(1);
    }

    @Test
    void aFailureHalfWayIsRetriedFromTheLastStepWithoutASecondDraftOrPublication() {
        long id = publishedArticle("中途失败");
        wechat.failNext("/cgi-bin/freepublish/submit", 45009, "reach max api daily quota limit");
        publisher.push(id);
        ArticleView failed = accounts.runAs(author, () -> articles.get(id));
        assertThat(failed.wechatState()).isEqualTo(WeChatState.FAILED);
        assertThat(failed.wechatErrorKey()).isEqualTo("wechat.error.45009");
        assertThat(failed.wechatErrorDetail()).isEqualTo("45009 reach max api daily quota limit");
        assertThat(jdbc.sql("select wechat_draft_media_id from article where id = :id").param("id", id)
                .query(String.class).single()).startsWith("DRAFT_");

        // The token expires meanwhile; the retry job resumes: polls nothing yet, submits the same draft once.
        wechat.expireTokens();
        publisher.retryOnce();
        assertThat(wechatState(id)).isIn(WeChatState.SUBMITTED, WeChatState.PUBLISHED);
        publisher.retryOnce();
        assertThat(wechatState(id)).isEqualTo(WeChatState.PUBLISHED);

        assertThat(wechat.successes("/cgi-bin/material/add_material")).isEqualTo(1);
        assertThat(wechat.successes("/cgi-bin/media/uploadimg")).isEqualTo(1);
        assertThat(wechat.calls("/cgi-bin/draft/add")).isEqualTo(1);
        assertThat(wechat.successes("/cgi-bin/freepublish/submit")).isEqualTo(1);
        // The refused one (45009), the one with the expired token (42001) and the one after the new token.
        assertThat(wechat.calls("/cgi-bin/freepublish/submit")).isEqualTo(3);
        assertThat(wechat.calls("/cgi-bin/token")).isEqualTo(2);
    }

    @Test
    void aFailureAfterTheImagesResumesAtTheDraft() {
        long id = publishedArticle("草稿失败");
        wechat.failNext("/cgi-bin/draft/add", -1, "system error");
        publisher.push(id);
        assertThat(wechatState(id)).isEqualTo(WeChatState.FAILED);
        assertThat(accounts.runAs(author, () -> articles.get(id)).wechatErrorKey()).isEqualTo("wechat.error.m1");
        publisher.push(id);
        assertThat(wechatState(id)).isEqualTo(WeChatState.SUBMITTED);
        assertThat(wechat.calls("/cgi-bin/material/add_material")).isEqualTo(1);
        assertThat(wechat.calls("/cgi-bin/media/uploadimg")).isEqualTo(1);
        assertThat(wechat.successes("/cgi-bin/draft/add")).isEqualTo(1);
        assertThat(wechat.successes("/cgi-bin/freepublish/submit")).isEqualTo(1);
    }

    @Test
    void aContentRejectionIsShownAndNotRetriedByTheJob() {
        long id = publishedArticle("内容被拒");
        wechat.failNext("/cgi-bin/freepublish/submit", 53503, "该草稿未通过发布检查");
        publisher.push(id);
        ArticleView a = accounts.runAs(author, () -> articles.get(id));
        assertThat(a.wechatState()).isEqualTo(WeChatState.FAILED);
        assertThat(a.wechatErrorKey()).isEqualTo("wechat.error.53503");
        publisher.retryOnce();
        assertThat(wechat.calls("/cgi-bin/freepublish/submit")).isEqualTo(1);
        assertThat(wechatState(id)).isEqualTo(WeChatState.FAILED);
    }

    private WeChatState wechatState(long id) {
        return WeChatState.valueOf(jdbc.sql("select wechat_state from article where id = :id").param("id", id)
                .query(String.class).single());
    }
}
