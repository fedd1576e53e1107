package cn.hongxin.publishing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.newsletter.NewsletterArticle;
import cn.hongxin.newsletter.NewsletterArticleSource;

/**
 * What the public site (no login) may read: published articles only, newest first, and the images they show.
 * Also the newsletter's source of published articles.
 */
@Service
public class PublicSite implements NewsletterArticleSource {

    static final String SOURCE = "WECHAT";

    private final JdbcClient jdbc;
    private final ArticleService articles;

    PublicSite(JdbcClient jdbc, ArticleService articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    /** Published articles, newest first. */
    @Transactional(readOnly = true)
    public Page<ArticleView> published(int page, int size) {
        int pageSize = Math.min(Math.max(size, 1), 100);
        int pageNo = Math.max(page, 0);
        long total = jdbc.sql("select count(*) from article where state = 'PUBLISHED'").query(Long.class).single();
        List<ArticleView> rows = jdbc.sql("""
                        select * from article where state = 'PUBLISHED'
                        order by published_on desc, published_at desc, id desc limit :limit offset :offset""")
                .param("limit", pageSize).param("offset", (long) pageNo * pageSize).query(articles::row).list();
        return new PageImpl<>(rows, PageRequest.of(pageNo, pageSize), total);
    }

    /** A published article by id or slug. */
    @Transactional(readOnly = true)
    public Optional<ArticleView> article(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank() || idOrSlug.length() > 120) {
            return Optional.empty();
        }
        if (idOrSlug.chars().allMatch(Character::isDigit) && idOrSlug.length() < 19) {
            return jdbc.sql("select * from article where state = 'PUBLISHED' and id = :id")
                    .param("id", Long.parseLong(idOrSlug)).query(articles::row).optional();
        }
        return jdbc.sql("select * from article where state = 'PUBLISHED' and slug = :slug")
                .param("slug", idOrSlug.toLowerCase(java.util.Locale.ROOT)).query(articles::row).optional();
    }

    /** Counts a reading of a published article. */
    @Transactional
    public void countView(long id) {
        jdbc.sql("update article set view_count = view_count + 1 where id = :id and state = 'PUBLISHED'")
                .param("id", id).update();
    }

    /** Whether a stored file is the cover or an image of a published article (and so public). */
    @Transactional(readOnly = true)
    public boolean publicImage(long fileId) {
        return jdbc.sql("""
                        select count(*) from article where state = 'PUBLISHED' and (cover_file_id = :id
                          or body_html like :plain or body_html like :thumb)""")
                .param("id", fileId).param("plain", "%\"/files/" + fileId + "\"%")
                .param("thumb", "%\"/files/" + fileId + "/thumbnail\"%").query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<NewsletterArticle> publishedBetween(String unitPathPrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from article where state = 'PUBLISHED' and unit_path like :prefix
                          and published_on >= :from and published_on <= :to
                        order by published_on, published_at, id""")
                .param("prefix", (unitPathPrefix == null ? "" : unitPathPrefix) + "%").param("from", from)
                .param("to", to).query(articles::row).list().stream()
                .map(a -> new NewsletterArticle(SOURCE, a.id(), a.title(),
                        ArticleHtml.plainText(a.summary() == null || a.summary().isBlank() ? a.bodyHtml()
                                : a.summary(), 300), a.coverFileId(), a.publishedOn(), a.sitePath()))
                .toList();
    }
}
