package cn.hongxin.compliance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.MeasureDefinition;
import cn.hongxin.brand.ProgrammeCatalog;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.notifications.EmailSender;
import cn.hongxin.notifications.Inbox;
import cn.hongxin.organisation.PersonContacts;

/**
 * Reminders before a deadline: once a day ({@code hongxin.reminders.cron}), on one instance only (ShedLock), every
 * person behind on a person requirement whose window or period closes within {@code hongxin.reminders.days-before}
 * days gets one reminder per requirement and period, in the inbox and, when SMTP is configured and the person has
 * an address, by email. The inbox's dedup key makes a second run (or a second instance) send nothing again.
 */
@Component
class ComplianceReminders {

    static final String KIND = "COMPLIANCE_REMINDER";
    private static final Logger log = LoggerFactory.getLogger(ComplianceReminders.class);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ProgrammeCatalog catalog;
    private final ComplianceEngine engine;
    private final CompliancePeriods periods;
    private final Inbox inbox;
    private final EmailSender email;
    private final PersonContacts contacts;
    private final MessageSource messages;
    private final int daysBefore;
    private final boolean enabled;

    ComplianceReminders(ProgrammeCatalog catalog, ComplianceEngine engine, CompliancePeriods periods, Inbox inbox,
                        EmailSender email, PersonContacts contacts, MessageSource messages,
                        @Value("${hongxin.reminders.days-before:7}") int daysBefore,
                        @Value("${hongxin.reminders.enabled:true}") boolean enabled) {
        this.catalog = catalog;
        this.engine = engine;
        this.periods = periods;
        this.inbox = inbox;
        this.email = email;
        this.contacts = contacts;
        this.messages = messages;
        this.daysBefore = daysBefore;
        this.enabled = enabled;
    }

    /** What a run did: reminders written to the inbox and emails sent. */
    record Result(int reminded, int emailed) {
    }

    @Scheduled(cron = "${hongxin.reminders.cron:0 0 8 * * *}")
    @SchedulerLock(name = "compliance-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void daily() {
        if (!enabled) {
            return;
        }
        Result result = remind(LocalDate.now());
        log.info("Compliance reminders: {} in the inbox, {} by email", result.reminded(), result.emailed());
    }

    /** Sends the reminders due on {@code today}; safe to repeat. */
    Result remind(LocalDate today) {
        int reminded = 0;
        int emailed = 0;
        for (MeasureDefinition m : catalog.measures()) {
            for (RequirementDefinition r : m.requirements()) {
                if (r.subject() != SubjectKind.PERSON && r.subject() != SubjectKind.PARTY_LEADER) {
                    continue;
                }
                Optional<Period> period = engine.periodOf(r, today);
                LocalDate[] frame = period.map(p -> ComplianceService.frame(periods, r, p)).orElse(null);
                if (frame == null || today.isBefore(frame[0]) || today.isAfter(frame[1])
                        || ChronoUnit.DAYS.between(today, frame[1]) > daysBefore) {
                    continue;
                }
                List<BehindRow> behind = behind(r, period.get(), catalog.owningUnitOf(m.id()), today);
                List<BehindRow> sent = new ArrayList<>();
                for (BehindRow row : behind) {
                    String key = "compliance:reminder:" + r.id() + ":" + period.get().label() + ":" + row.subjectId();
                    if (inbox.notifyPersonOnce(row.subjectId(), key, KIND, title(r, frame[1]),
                            body(r, period.get(), row, frame[1]), "/me/checklist")) {
                        sent.add(row);
                    }
                }
                reminded += sent.size();
                if (!sent.isEmpty() && email.configured()) {
                    Map<Long, String> addresses = contacts.emails(sent.stream().map(BehindRow::subjectId).toList());
                    for (BehindRow row : sent) {
                        String to = addresses.get(row.subjectId());
                        if (to != null && email.send(to, title(r, frame[1]), body(r, period.get(), row, frame[1]))) {
                            emailed++;
                        }
                    }
                }
            }
        }
        return new Result(reminded, emailed);
    }

    private List<BehindRow> behind(RequirementDefinition r, Period period, long subtree, LocalDate today) {
        List<BehindRow> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            BehindPage p = engine.behind(r, period, subtree, today, page, 500);
            p.rows().stream().filter(row -> row.subjectType() == SubjectType.PERSON && row.verdict() == Verdict.BEHIND)
                    .forEach(rows::add);
            if ((long) (page + 1) * p.size() >= p.total() || p.rows().isEmpty()) {
                return rows;
            }
        }
    }

    private String title(RequirementDefinition r, LocalDate deadline) {
        return messages.getMessage("compliance.reminder.title", new Object[]{r.nameZh(), DAY.format(deadline)},
                CHINESE);
    }

    private String body(RequirementDefinition r, Period period, BehindRow row, LocalDate deadline) {
        return messages.getMessage("compliance.reminder.body", new Object[]{row.name(), period.label(), r.nameZh(),
                plain(row.progress()), plain(row.threshold()), DAY.format(deadline)}, CHINESE);
    }

    private static String plain(java.math.BigDecimal n) {
        return n == null ? "0" : n.stripTrailingZeros().toPlainString();
    }
}
