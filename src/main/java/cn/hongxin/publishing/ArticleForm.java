package cn.hongxin.publishing;

import java.util.List;

/**
 * What an editor writes: the article's fields, the body in its format, event ids of the events module and
 * tags separated by commas or spaces.
 */
public record ArticleForm(String title, String slug, String summary, BodyFormat format, String body, Long unitId,
                          Long coverFileId, String tags, List<Long> eventIds) {

    public static ArticleForm empty(Long unitId) {
        return new ArticleForm("", "", "", BodyFormat.MARKDOWN, "", unitId, null, "", List.of());
    }
}
