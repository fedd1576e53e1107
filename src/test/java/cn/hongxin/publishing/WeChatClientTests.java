package cn.hongxin.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The thin WeChat client against the local stand-in: the protocol, the token cache and the error codes. */
class WeChatClientTests {

    static final byte[] IMAGE = PublishingFixtures.png();

    WeChatStandIn wechat;
    MutableClock clock;
    WeChatClient client;
    WeChatClient.Credentials credentials = new WeChatClient.Credentials(WeChatStandIn.APP_ID, WeChatStandIn.SECRET);

    @BeforeEach
    void start() throws Exception {
        wechat = new WeChatStandIn();
        clock = new MutableClock(Instant.parse("2026-07-01T00:00:00Z"));
        client = new WeChatClient(wechat.baseUrl(), clock);
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void theWholeWayWithOneToken() {
        String thumb = client.addPermanentImage(credentials, IMAGE, "封面.png");
        String url = client.uploadBodyImage(credentials, IMAGE, "body.png");
        String draft = client.addDraft(credentials, "学习二十大", "张三", "摘要",
                "<p>正文</p><img src=\"" + url + "\">", "", thumb);
        String publishId = client.submit(credentials, draft);
        WeChatClient.PublishStatus first = client.status(credentials, publishId);
        WeChatClient.PublishStatus second = client.status(credentials, publishId);

        assertThat(thumb).startsWith("MATERIAL_");
        assertThat(first.pending()).isTrue();
        assertThat(second.published()).isTrue();
        assertThat(second.articleUrl()).isEqualTo("https://mp.weixin.qq.com/s/" + publishId);
        assertThat(wechat.calls("/cgi-bin/token")).isEqualTo(1);
        assertThat(wechat.draftBodies).singleElement().satisfies(d -> {
            assertThat(d.path("articles").path(0).path("title").asString()).isEqualTo("学习二十大");
            assertThat(d.path("articles").path(0).path("thumb_media_id").asString()).isEqualTo(thumb);
        });
        assertThat(wechat.uploadedFileNames).containsExactly("封面.png", "body.png");
    }

    @Test
    void anExpiredTokenIsFetchedAgainOnceAndTheCallRepeated() {
        client.addPermanentImage(credentials, IMAGE, "a.png");
        wechat.expireTokens();                       // 42001
        assertThat(client.uploadBodyImage(credentials, IMAGE, "b.png")).startsWith("http://mmbiz.qpic.cn/");
        wechat.invalidateTokens();                   // 40001
        assertThat(client.addPermanentImage(credentials, IMAGE, "c.png")).startsWith("MATERIAL_");
        wechat.failNext("/cgi-bin/media/uploadimg", 40014, "invalid access_token");
        assertThat(client.uploadBodyImage(credentials, IMAGE, "d.png")).startsWith("http://mmbiz.qpic.cn/");
        assertThat(wechat.calls("/cgi-bin/token")).isEqualTo(4);
        assertThat(wechat.calls("/cgi-bin/media/uploadimg")).isEqualTo(4);
    }

    @Test
    void aTokenRefusedTwiceIsRefreshedOnlyOnce() {
        client.addPermanentImage(credentials, IMAGE, "a.png");
        wechat.failNext("/cgi-bin/media/uploadimg", 40001, "invalid credential");
        wechat.failNext("/cgi-bin/media/uploadimg", 40001, "invalid credential");
        WeChatApiException e = catchThrowableOfType(WeChatApiException.class,
                () -> client.uploadBodyImage(credentials, IMAGE, "b.png"));
        assertThat(e.errcode()).isEqualTo(40001);
        assertThat(wechat.calls("/cgi-bin/media/uploadimg")).isEqualTo(2);
        assertThat(wechat.calls("/cgi-bin/token")).isEqualTo(2);
    }

    @Test
    void theTokenIsCachedUntilFiveMinutesBeforeItExpires() {
        client.token(WeChatStandIn.APP_ID, WeChatStandIn.SECRET);
        clock.advance(Duration.ofSeconds(7200 - 301));
        client.token(WeChatStandIn.APP_ID, WeChatStandIn.SECRET);
        assertThat(wechat.calls("/cgi-bin/token")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        client.token(WeChatStandIn.APP_ID, WeChatStandIn.SECRET);
        assertThat(wechat.calls("/cgi-bin/token")).isEqualTo(2);
    }

    @Test
    void theRateLimitIsAPlainTransientError() {
        wechat.failNext("/cgi-bin/draft/add", 45009, "reach max api daily quota limit");
        String thumb = client.addPermanentImage(credentials, IMAGE, "a.png");
        WeChatApiException e = catchThrowableOfType(WeChatApiException.class,
                () -> client.addDraft(credentials, "t", "a", "d", "<p>x</p>", "", thumb));
        assertThat(e.errcode()).isEqualTo(45009);
        assertThat(e.messageKey()).isEqualTo("wechat.error.45009");
        assertThat(e.transientFailure()).isTrue();
        assertThat(wechat.calls("/cgi-bin/token")).isEqualTo(1);
    }

    @Test
    void aContentRejectionIsNotRetried() {
        wechat.failNext("/cgi-bin/freepublish/submit", 53503, "该草稿未通过发布检查");
        String thumb = client.addPermanentImage(credentials, IMAGE, "a.png");
        String draft = client.addDraft(credentials, "t", "a", "d", "<p>x</p>", "", thumb);
        WeChatApiException e = catchThrowableOfType(WeChatApiException.class, () -> client.submit(credentials, draft));
        assertThat(e.errcode()).isEqualTo(53503);
        assertThat(e.messageKey()).isEqualTo("wechat.error.53503");
        assertThat(e.transientFailure()).isFalse();
        assertThat(e.errmsg()).isEqualTo("该草稿未通过发布检查");
        assertThat(wechat.calls("/cgi-bin/freepublish/submit")).isEqualTo(1);

        assertThat(new WeChatApiException(87014, "risky content").messageKey()).isEqualTo("wechat.error.87014");
        assertThat(new WeChatApiException(-1, "system error").messageKey()).isEqualTo("wechat.error.m1");
        assertThat(new WeChatApiException(-1, "system error").transientFailure()).isTrue();
        assertThat(new WeChatApiException(12345, "x").messageKey()).isEqualTo("wechat.error.other");
    }

    @Test
    void wrongCredentialsAndAnUnreachableServerAreErrorsToo() {
        WeChatApiException bad = catchThrowableOfType(WeChatApiException.class, () -> client.addPermanentImage(
                new WeChatClient.Credentials(WeChatStandIn.APP_ID, "ffffffffffffffffffffffffffffffff"), IMAGE, "a.png"));
        assertThat(bad.errcode()).isEqualTo(40125);
        wechat.close();
        WeChatApiException down = catchThrowableOfType(WeChatApiException.class,
                () -> client.uploadBodyImage(credentials, IMAGE, "b.png"));
        assertThat(down.errcode()).isEqualTo(WeChatApiException.UNREACHABLE);
        assertThat(down.transientFailure()).isTrue();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
