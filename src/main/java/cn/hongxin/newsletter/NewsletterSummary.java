package cn.hongxin.newsletter;

import java.time.LocalDate;

/** An issue in a list: number is null until it is issued. */
public record NewsletterSummary(long id, long unitId, String unitName, String title, NewsletterState state,
                                Integer year, Integer number, LocalDate periodFrom, LocalDate periodTo,
                                LocalDate issuedOn, String editorName) {
}
