package cn.hongxin.outreach;

import java.time.LocalDate;

/** An issue of the school newspaper carrying the column. */
public record ColumnIssueView(long id, long unitId, String unitName, String issueNo, LocalDate issueDate, String note) {
}
