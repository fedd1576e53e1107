package cn.hongxin.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends a published article to the WeChat official account, step by step, keeping the result of every step on
 * the article as soon as it is done: the cover's thumb_media_id, each body image's WeChat URL, the draft's
 * media_id, the publish_id. A failed run (network, busy, quota, a rejection) is marked FAILED with the error
 * code; running again resumes after the last completed step, so no image is uploaded twice, no second draft
 * is added and a submitted publication is only polled, never submitted again. One run per article at a time:
 * a run claims the article by a conditional update (NONE or FAILED to PENDING). A scheduled job polls submitted
 * publications and retries transient failures (at most five attempts); a run that died half-way (PENDING for
 * long) is released for a retry.
 */
@Component
class WeChatPublisher {

    private static final Logger log = LoggerFactory.getLogger(WeChatPublisher.class);
    static final int MAX_ATTEMPTS = 5;
    private static final Pattern IMAGE_SRC = Pattern.compile("src=\"/files/(\\d{1,18})(/thumbnail)?\"");

    private final JdbcClient jdbc;
    private final WeChatChannelService channel;
    private final WeChatClient client;
    private final ObjectProvider<FileStore> files;
    private final AuditTrail audit;
    private final String siteBaseUrl;

    WeChatPublisher(JdbcClient jdbc, WeChatChannelService channel, WeChatClient client,
                    ObjectProvider<FileStore> files, AuditTrail audit,
                    @Value("${hongxin.site.base-url:}") String siteBaseUrl) {
        this.jdbc = jdbc;
        this.channel = channel;
        this.client = client;
        this.files = files;
        this.audit = audit;
        this.siteBaseUrl = siteBaseUrl == null ? "" : siteBaseUrl.strip();
    }

    boolean configured() {
        return channel.configured();
    }

    /** Runs (or resumes) the article's publication on WeChat; the outcome is kept on the article. */
    void push(long articleId) {
        Optional<WeChatClient.Credentials> credentials = channel.credentials();
        if (credentials.isEmpty()) {
            return;
        }
        int claimed = jdbc.sql("""
                        update article set wechat_state = 'PENDING', wechat_updated_at = :now
                        where id = :id and state = 'PUBLISHED' and wechat_state in ('NONE', 'FAILED')""")
                .param("now", ArticleService.now()).param("id", articleId).update();
        if (claimed == 0) {
            if (stateOf(articleId).filter(s -> s == WeChatState.SUBMITTED).isPresent()) {
                poll(articleId);
            }
            return;
        }
        try {
            run(articleId, credentials.get());
        } catch (WeChatApiException e) {
            fail(articleId, e);
        } catch (RuntimeException e) {
            log.warn("WeChat publication of article {} failed", articleId, e);
            fail(articleId, new WeChatApiException(WeChatApiException.BAD_ANSWER, e.getClass().getSimpleName()));
        }
    }

    private void run(long id, WeChatClient.Credentials c) {
        Row a = jdbc.sql("select * from article where id = :id").param("id", id).query((rs, n) -> {
            long cover = rs.getLong("cover_file_id");
            return new Row(rs.getString("title"), rs.getString("author_name"), rs.getString("summary"),
                    rs.getString("body_html"), rs.getString("slug"), rs.wasNull() ? null : cover,
                    rs.getString("wechat_thumb_media_id"), rs.getString("wechat_draft_media_id"),
                    rs.getString("wechat_publish_id"));
        }).single();
        if (a.publishId() != null) {
            setState(id, WeChatState.SUBMITTED);
            poll(id);
            return;
        }
        String thumb = a.thumbMediaId();
        if (thumb == null) {
            Long coverId = a.coverFileId() != null ? a.coverFileId()
                    : ArticleHtml.imageFileIds(a.bodyHtml()).stream().findFirst().orElse(null);
            if (coverId == null) {
                throw new WeChatApiException(0, "no cover image") {
                    @Override
                    String messageKey() {
                        return "wechat.error.noCover";
                    }

                    @Override
                    boolean transientFailure() {
                        return false;
                    }
                };
            }
            thumb = client.addPermanentImage(c, bytes(coverId), name(coverId));
            jdbc.sql("update article set wechat_thumb_media_id = :m where id = :id").param("m", thumb).param("id", id)
                    .update();
        }
        Map<Long, String> urls = jdbc.sql("select file_id, url from article_wechat_image where article_id = :id")
                .param("id", id).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<Long> images = ArticleHtml.imageFileIds(a.bodyHtml());
        for (Long fileId : images) {
            if (!urls.containsKey(fileId)) {
                String url = client.uploadBodyImage(c, bytes(fileId), name(fileId));
                jdbc.sql("insert into article_wechat_image (article_id, file_id, url) values (:a, :f, :u)")
                        .param("a", id).param("f", fileId).param("u", url).update();
                urls.put(fileId, url);
            }
        }
        String draft = a.draftMediaId();
        if (draft == null) {
            String content = IMAGE_SRC.matcher(a.bodyHtml())
                    .replaceAll(m -> Matcher.quoteReplacement("src=\"" + urls.get(Long.parseLong(m.group(1))) + "\""));
            String source = siteBaseUrl.isEmpty() ? "" : siteBaseUrl + "/site/articles/"
                    + (a.slug() == null ? String.valueOf(id) : a.slug());
            draft = client.addDraft(c, a.title(), ArticleService.truncate(a.author(), 16),
                    ArticleService.truncate(a.summary(), 120), content, source, thumb);
            jdbc.sql("update article set wechat_draft_media_id = :m where id = :id").param("m", draft)
                    .param("id", id).update();
        }
        String publishId = client.submit(c, draft);
        jdbc.sql("""
                        update article set wechat_publish_id = :p, wechat_state = 'SUBMITTED', wechat_error = null,
                            wechat_updated_at = :now where id = :id""")
                .param("p", publishId).param("now", ArticleService.now()).param("id", id).update();
        audit.record(AuditAction.UPDATE, "article", id, AuditOutcome.SUCCESS, "WeChat publish submitted " + publishId);
        poll(id);
    }

    /** Asks WeChat how a submitted publication stands and keeps the answer. */
    void poll(long id) {
        Optional<WeChatClient.Credentials> credentials = channel.credentials();
        Optional<String> publishId = jdbc.sql("select wechat_publish_id from article where id = :id and "
                        + "wechat_state = 'SUBMITTED'").param("id", id).query(String.class).optional();
        if (credentials.isEmpty() || publishId.isEmpty() || publishId.get() == null) {
            return;
        }
        try {
            WeChatClient.PublishStatus s = client.status(credentials.get(), publishId.get());
            if (s.published()) {
                jdbc.sql("""
                                update article set wechat_state = 'PUBLISHED', wechat_article_url = :u,
                                    wechat_error = null, wechat_updated_at = :now
                                where id = :id and wechat_state = 'SUBMITTED'""")
                        .param("u", s.articleUrl()).param("now", ArticleService.now()).param("id", id).update();
                audit.record(AuditAction.UPDATE, "article", id, AuditOutcome.SUCCESS, "WeChat published");
            } else if (!s.pending()) {
                jdbc.sql("""
                                update article set wechat_error = :e, wechat_updated_at = :now
                                where id = :id and wechat_state = 'SUBMITTED'""")
                        .param("e", "wechat.publish.status" + s.status() + "|" + s.status() + "|")
                        .param("now", ArticleService.now()).param("id", id).update();
            }
        } catch (WeChatApiException e) {
            jdbc.sql("update article set wechat_error = :e, wechat_updated_at = :now where id = :id")
                    .param("e", error(e)).param("now", ArticleService.now()).param("id", id).update();
        }
    }

    /**
     * Every few minutes: polls submitted publications, retries transient failures and releases runs that
     * died half-way.
     */
    @Scheduled(fixedDelayString = "${hongxin.wechat.retry-delay:PT5M}", initialDelayString = "${hongxin.wechat.retry-initial-delay:PT2M}")
    @SchedulerLock(name = "wechat-retry", lockAtMostFor = "PT20M")
    void retryPending() {
        if (!configured()) {
            return;
        }
        jdbc.sql("""
                        update article set wechat_state = 'FAILED', wechat_error = :e
                        where wechat_state = 'PENDING' and wechat_updated_at < :stale""")
                .param("e", "wechat.error.interrupted|0|").param("stale", ArticleService.now().minus(Duration.ofMinutes(15)))
                .update();
        retryOnce();
    }

    /** One round of the retry job (also for tests). */
    void retryOnce() {
        List<Long> submitted = jdbc.sql("select id from article where wechat_state = 'SUBMITTED' and "
                + "(wechat_error is null or wechat_error not like 'wechat.publish.status%')").query(Long.class).list();
        submitted.forEach(this::poll);
        List<Long> failed = jdbc.sql("""
                        select id, wechat_error from article where state = 'PUBLISHED' and wechat_state = 'FAILED'
                          and wechat_attempts < :max""")
                .param("max", MAX_ATTEMPTS)
                .query((rs, n) -> transientError(rs.getString("wechat_error")) ? rs.getLong("id") : null).list()
                .stream().filter(java.util.Objects::nonNull).toList();
        failed.forEach(this::push);
    }

    private static boolean transientError(String stored) {
        if (stored == null) {
            return true;
        }
        String[] parts = stored.split("\\|", 3);
        try {
            int code = Integer.parseInt(parts.length > 1 ? parts[1] : "0");
            return parts[0].equals("wechat.error.interrupted")
                    || new WeChatApiException(code, "").transientFailure();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void fail(long id, WeChatApiException e) {
        log.info("WeChat publication of article {} stopped: {}", id, e.getMessage());
        jdbc.sql("""
                        update article set wechat_state = 'FAILED', wechat_error = :e, wechat_attempts = wechat_attempts + 1,
                            wechat_updated_at = :now where id = :id""")
                .param("e", error(e)).param("now", ArticleService.now()).param("id", id).update();
        audit.record(AuditAction.UPDATE, "article", id, AuditOutcome.FAILURE,
                "WeChat " + e.errcode() + " " + e.errmsg());
    }

    private static String error(WeChatApiException e) {
        return ArticleService.truncate(e.messageKey() + "|" + e.errcode() + "|" + e.errmsg(), 500);
    }

    private void setState(long id, WeChatState state) {
        jdbc.sql("update article set wechat_state = :s where id = :id").param("s", state.name()).param("id", id)
                .update();
    }

    private Optional<WeChatState> stateOf(long id) {
        return jdbc.sql("select wechat_state from article where id = :id").param("id", id).query(String.class)
                .optional().map(WeChatState::valueOf);
    }

    private byte[] bytes(long fileId) {
        FileStore store = files.getIfAvailable();
        if (store == null) {
            throw new WeChatApiException(WeChatApiException.BAD_ANSWER, "file store unavailable");
        }
        try (InputStream in = store.open(fileId)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new WeChatApiException(WeChatApiException.BAD_ANSWER, "file " + fileId + " unreadable");
        }
    }

    private String name(long fileId) {
        FileStore store = files.getIfAvailable();
        String n = store == null ? null : store.find(fileId).map(StoredFile::originalName).orElse(null);
        return n == null || n.isBlank() ? "image-" + fileId + ".jpg" : n;
    }

    private record Row(String title, String author, String summary, String bodyHtml, String slug, Long coverFileId,
                       String thumbMediaId, String draftMediaId, String publishId) {
    }
}
