package cn.hongxin.publishing;

/** A published article was withdrawn from the public site. */
public record ArticleUnpublished(long articleId) {
}
