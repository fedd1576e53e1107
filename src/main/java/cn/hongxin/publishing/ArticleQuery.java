package cn.hongxin.publishing;

/** Filters of the article list; null means any. */
public record ArticleQuery(ArticleState state, Long unitId, String text) {

    public static ArticleQuery all() {
        return new ArticleQuery(null, null, null);
    }
}
