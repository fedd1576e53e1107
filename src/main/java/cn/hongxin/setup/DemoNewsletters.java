package cn.hongxin.setup;

import java.time.LocalDate;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.hongxin.events.EventService;
import cn.hongxin.newsletter.NewsletterIssueView;
import cn.hongxin.newsletter.NewsletterService;
import cn.hongxin.security.AccountService;

/**
 * The demo's party-work newsletters (党建工作简报) of the general branch, made as its people would make them once
 * the demo's events are held: for each of the previous two months a first draft from that month's finished
 * events, submitted, signed off and issued by the general secretary on the month's last day (so each counts for
 * its month); and a draft for the current month, still being edited.
 */
@Component
class DemoNewsletters {

    private static final Logger log = LoggerFactory.getLogger(DemoNewsletters.class);

    /** The text of the summary item of a month without finished events. */
    static final String SUMMARY = "本月，总支围绕立德树人根本任务，组织各支部开展理论学习和主题党日活动，"
            + "推进“红心向党，倾情医教”党建品牌建设，各项工作有序开展。";

    private final NewsletterService newsletters;
    private final AccountService accounts;

    DemoNewsletters(NewsletterService newsletters, AccountService accounts) {
        this.newsletters = newsletters;
        this.accounts = accounts;
    }

    void load(DemoRoster roster) {
        String secretary = roster.account("zongzhi");
        long unit = roster.generalBranch().id();
        LocalDate today = LocalDate.now(EventService.ZONE);
        YearMonth current = YearMonth.from(today);
        int issued = 0;
        for (int back = 2; back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            long id = accounts.runAs(secretary, () -> draft(unit, month.atDay(1), month.atEndOfMonth(), month));
            accounts.runAs(secretary, () -> {
                newsletters.submit(id);
                return null;
            });
            LocalDate on = month.atEndOfMonth();
            LocalDate day = on.isAfter(today) ? today : on;
            NewsletterIssueView view = accounts.runAs(secretary, () -> newsletters.issue(id, day));
            log.debug("Demo newsletter {} issued as number {}", id, view.number());
            issued++;
        }
        long draft = accounts.runAs(secretary, () -> draft(unit, current.atDay(1), today, current));
        log.info("Demo newsletters: {} issued, draft {} for {}", issued, draft, current);
    }

    /** A first draft from the period; a month without finished events gets one summary item to submit. */
    private long draft(long unit, LocalDate from, LocalDate to, YearMonth month) {
        long id = newsletters.draftFromPeriod(unit, from, to);
        NewsletterIssueView view = newsletters.get(id);
        if (view.itemCount() == 0) {
            newsletters.addItem(view.sections().get(0).id(), month.getMonthValue() + "月党建工作综述", SUMMARY);
        }
        return id;
    }
}
