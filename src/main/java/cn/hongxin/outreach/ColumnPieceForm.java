package cn.hongxin.outreach;

/** Planning a column piece (or re-planning it while not published): the issue, the topic and the author. */
public record ColumnPieceForm(Long issueId, String topic, Long authorPersonId) {
}
