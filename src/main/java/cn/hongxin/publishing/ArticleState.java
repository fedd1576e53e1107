package cn.hongxin.publishing;

/**
 * Where an article stands in the review workflow (三审三校): a draft is submitted, reviewed (初审), approved
 * (终审) and published; any review step may return it to draft with comments.
 */
public enum ArticleState {
    DRAFT, SUBMITTED, REVIEWED, APPROVED, PUBLISHED
}
