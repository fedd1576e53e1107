package cn.hongxin.publishing;

import java.time.LocalDate;

/**
 * An article was published (on the public site, and so on the WeChat official account's content).
 *
 * @param unitId         the owning org unit
 * @param authorPersonId the author, or null when the author's account has no person
 * @param date           the day of publication (China time)
 */
public record ArticlePublished(long articleId, long unitId, Long authorPersonId, LocalDate date) {
}
