package cn.hongxin.outreach;

/** A published column piece was withdrawn: it no longer counts as published. */
public record ColumnArticleRetracted(long pieceId) {
}
