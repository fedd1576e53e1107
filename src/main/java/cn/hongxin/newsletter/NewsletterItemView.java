package cn.hongxin.newsletter;

import java.util.List;

/**
 * One item of a section: a title, plain text and photos (files module ids), with the event or article it
 * came from, if any.
 */
public record NewsletterItemView(long id, long sectionId, int position, String title, String body,
                                 List<Long> photoFileIds, Long eventId, String articleSource, Long articleId,
                                 String link) {
}
