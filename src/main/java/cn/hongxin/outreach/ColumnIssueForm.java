package cn.hongxin.outreach;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A new issue of the school newspaper: the column's unit, the issue number (期号) and its date. */
public record ColumnIssueForm(Long unitId, String issueNo, @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate issueDate,
                              String note) {
}
