package cn.hongxin.newsletter;

import java.time.LocalDate;

/**
 * An article as a newsletter item sees it.
 *
 * @param source      the offering module and kind, e.g. WECHAT or HEALTH_COLUMN
 * @param id          the article's id in its module
 * @param title       the title
 * @param summary     plain text, at most a few hundred characters, no markup
 * @param coverFileId a stored image to show beside it, or null
 * @param publishedOn the day it was published
 * @param link        a path on this site where it can be read, or null
 */
public record NewsletterArticle(String source, long id, String title, String summary, Long coverFileId,
                                LocalDate publishedOn, String link) {
}
