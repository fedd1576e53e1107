package cn.hongxin.organisation;

import java.time.LocalDate;

/** A step in a person's political-status history. */
public record StatusChangeView(PoliticalStatus status, LocalDate effectiveOn, String note, String recordedBy) {
}
