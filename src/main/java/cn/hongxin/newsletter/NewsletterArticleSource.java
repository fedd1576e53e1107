package cn.hongxin.newsletter;

import java.time.LocalDate;
import java.util.List;

/**
 * A module that publishes articles offers them to a newsletter's first draft. Implementations are Spring beans;
 * the newsletter module asks every one of them.
 */
public interface NewsletterArticleSource {

    /**
     * Articles published between the two dates, both included, by the given org unit or a unit below it (by
     * materialised path prefix), oldest first.
     */
    List<NewsletterArticle> publishedBetween(String unitPathPrefix, LocalDate from, LocalDate to);
}
