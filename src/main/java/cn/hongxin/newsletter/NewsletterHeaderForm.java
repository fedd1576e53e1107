package cn.hongxin.newsletter;

import java.time.LocalDate;

/** The editable header of an issue: title, period and the distribution lines (报, 送, 发). */
public record NewsletterHeaderForm(String title, LocalDate periodFrom, LocalDate periodTo, String reportTo,
                                   String sendTo, String copyTo) {
}
