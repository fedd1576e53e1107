package cn.hongxin.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as pages and the API show it. {@code bodyHtml} is sanitised; {@code bodySource} is what the editor
 * wrote (shown only in the editor).
 */
public record ArticleView(long id, String title, String slug, String summary, BodyFormat format, String bodySource,
                          String bodyHtml, Long authorPersonId, long authorAccountId, String authorName, long unitId,
                          String unitName, Long coverFileId, List<String> tags, ArticleState state,
                          String lastComment, Instant createdAt, Instant updatedAt, Instant publishedAt,
                          LocalDate publishedOn, long viewCount, WeChatState wechatState, String wechatError,
                          String wechatArticleUrl, List<LinkedEvent> events) {

    /** The path of the article on the public site (its slug when it has one). */
    public String sitePath() {
        return "/site/articles/" + (slug != null && !slug.isBlank() ? slug : String.valueOf(id));
    }

    /** The body with its images served by the public site. */
    public String publicBodyHtml() {
        return ArticleHtml.forPublicSite(bodyHtml);
    }

    /** Message key of the last WeChat error, or null. */
    public String wechatErrorKey() {
        return wechatError == null ? null : wechatError.split("\\|", 3)[0];
    }

    /** The WeChat error code and WeChat's own words, e.g. 45009 reach max api daily quota limit. */
    public String wechatErrorDetail() {
        if (wechatError == null) {
            return null;
        }
        String[] parts = wechatError.split("\\|", 3);
        return ((parts.length > 1 ? parts[1] : "") + " " + (parts.length > 2 ? parts[2] : "")).strip();
    }

    /** When it last changed, in China time (for pages). */
    public java.time.LocalDateTime updatedLocal() {
        return updatedAt == null ? null : java.time.LocalDateTime.ofInstant(updatedAt, ArticleService.CHINA);
    }
}
