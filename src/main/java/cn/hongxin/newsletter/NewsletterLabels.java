package cn.hongxin.newsletter;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The fixed words of the printed issue (PDF and Word), always in Chinese: it is a Chinese official document
 * whatever language the editor's pages are in.
 */
record NewsletterLabels(String number, String date, String reportTo, String sendTo, String copyTo, String printed,
                        String page) {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    static NewsletterLabels of(MessageSource messages, NewsletterIssueView issue) {
        String number = issue.number() == null ? text(messages, "newsletter.unnumbered")
                : text(messages, "newsletter.number", String.valueOf(issue.year()), issue.number());
        LocalDate day = issue.issuedOn() != null ? issue.issuedOn() : issue.periodTo();
        String date = text(messages, "newsletter.print.date", String.valueOf(day.getYear()), day.getMonthValue(), day.getDayOfMonth());
        return new NewsletterLabels(number, date, text(messages, "newsletter.print.reportTo"),
                text(messages, "newsletter.print.sendTo"), text(messages, "newsletter.print.copyTo"),
                text(messages, "newsletter.print.printed", issue.unitName(), date),
                text(messages, "newsletter.print.page"));
    }

    /** The page number as printed, e.g. a dash, the number and a dash. */
    String page(int n) {
        return page.replace("{0}", Integer.toString(n));
    }

    private static String text(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, LOCALE);
    }
}
