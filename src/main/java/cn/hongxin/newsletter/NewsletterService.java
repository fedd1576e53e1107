package cn.hongxin.newsletter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.events.EventAttachmentKind;
import cn.hongxin.events.EventAttachmentService;
import cn.hongxin.events.EventAttachmentView;
import cn.hongxin.events.EventCategory;
import cn.hongxin.events.EventQuery;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventView;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * Newsletter issues: drafting (from a period's finished events and published articles), editing, the sign-off
 * workflow and numbering, and the public archive. Editing and submitting need {@code newsletter:edit}, returning
 * and issuing {@code newsletter:sign}; issues outside the caller's org scope are not found.
 * Numbering: an issue gets its number only when it is issued (drafts show 待编号), as one more than the
 * highest number of its unit in that year; a unique key on unit, year and number refuses a number that a
 * concurrent issue took first, and the issue is retried with the next number.
 */
@Service
public class NewsletterService {

    private static final Logger log = LoggerFactory.getLogger(NewsletterService.class);
    static final int NUMBER_ATTEMPTS = 8;
    static final int MAX_PHOTOS_PER_EVENT = 4;
    static final int TITLE_MAX = 100;
    static final int ITEM_TITLE_MAX = 200;
    static final int BODY_MAX = 8000;
    static final int LINE_MAX = 500;

    private final NewsletterRows rows;
    private final CurrentUsers currentUsers;
    private final OrgUnitService units;
    private final EventService events;
    private final EventAttachmentService attachments;
    private final List<NewsletterArticleSource> articleSources;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    NewsletterService(NewsletterRows rows, CurrentUsers currentUsers, OrgUnitService units, EventService events,
                      EventAttachmentService attachments, List<NewsletterArticleSource> articleSources,
                      AuditTrail audit, ApplicationEventPublisher publisher, MessageSource messages,
                      PlatformTransactionManager transactionManager) {
        this.rows = rows;
        this.currentUsers = currentUsers;
        this.units = units;
        this.events = events;
        this.attachments = attachments;
        this.articleSources = List.copyOf(articleSources);
        this.audit = audit;
        this.publisher = publisher;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The issues in the caller's scope, newest first; year optional (drafts count in their period's year). */
    @Transactional(readOnly = true)
    public List<NewsletterSummary> list(Integer year) {
        CurrentUser user = reader();
        return rows.issues(prefix(user), year, null).stream().map(NewsletterRows.IssueRow::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<Integer> years() {
        return rows.years(prefix(reader()), null);
    }

    @Transactional(readOnly = true)
    public NewsletterIssueView get(long id) {
        return view(visible(id, reader()));
    }

    @Transactional(readOnly = true)
    public List<NewsletterStepView> steps(long id) {
        visible(id, reader());
        return rows.steps(id);
    }

    /** The party units the caller may publish a newsletter for, in tree order. */
    @Transactional(readOnly = true)
    public List<OrgUnitView> publishingUnits() {
        currentUsers.require(Permission.NEWSLETTER_EDIT);
        return units.visibleFor(Permission.NEWSLETTER_EDIT).stream().filter(u -> u.unitType().party()).toList();
    }

    /** Whether the file is a photo of the issue (for the editor's photo links); the issue must be visible. */
    @Transactional(readOnly = true)
    public boolean hasPhoto(long id, long fileId) {
        visible(id, reader());
        return rows.hasPhoto(id, fileId);
    }

    // ---- the public site: issued issues only, no login -----------------------------------------------

    @Transactional(readOnly = true)
    public List<NewsletterSummary> issued(Integer year) {
        return rows.issues("", year, NewsletterState.ISSUED).stream().map(NewsletterRows.IssueRow::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<Integer> issuedYears() {
        return rows.years("", NewsletterState.ISSUED);
    }

    /** An issued issue; drafts and unknown ids are not found. */
    @Transactional(readOnly = true)
    public NewsletterIssueView issuedIssue(long id) {
        NewsletterRows.IssueRow row = rows.findIssue(id).filter(r -> r.state() == NewsletterState.ISSUED)
                .orElseThrow(() -> new NotFoundException("newsletter", id));
        return view(row);
    }

    /** Whether the file is a photo of an issued issue (public photo links). */
    @Transactional(readOnly = true)
    public boolean issuedHasPhoto(long id, long fileId) {
        return rows.findIssue(id).filter(r -> r.state() == NewsletterState.ISSUED).isPresent()
                && rows.hasPhoto(id, fileId);
    }

    // ---- drafting ------------------------------------------------------------------------------------

    /**
     * A first draft for the unit and period: the finished events of the unit's subtree that started in the period
     * (with their summaries and up to four photos, the cover first), grouped by kind into sections, then the
     * articles every {@link NewsletterArticleSource} published in the period.
     */
    @Transactional
    public long draftFromPeriod(Long unitId, LocalDate from, LocalDate to) {
        CurrentUser user = currentUsers.require(Permission.NEWSLETTER_EDIT);
        List<FieldProblem> problems = new ArrayList<>();
        OrgUnitView unit = null;
        if (unitId == null) {
            problems.add(new FieldProblem("unitId", "validation.required"));
        } else {
            unit = publishingUnits().stream().filter(u -> u.id() == unitId).findFirst().orElse(null);
            if (unit == null) {
                problems.add(new FieldProblem("unitId", "validation.invalid"));
            }
        }
        checkPeriod(from, to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = rows.insertIssue(unit.id(), unit.path(), unit.name(), text("newsletter.defaultTitle"), from, to,
                user.displayName(), user.accountId(), text("newsletter.defaultReportTo"), text("newsletter.defaultSendTo"),
                text("newsletter.defaultCopyTo"));
        Map<String, List<EventView>> bySection = new LinkedHashMap<>();
        for (String key : List.of("newsletter.section.work", "newsletter.section.study", "newsletter.section.brand")) {
            bySection.put(key, new ArrayList<>());
        }
        for (EventView e : finishedEvents(unit.id(), from, to)) {
            bySection.get(sectionKey(e.type().category())).add(e);
        }
        for (Map.Entry<String, List<EventView>> entry : bySection.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            long section = rows.insertSection(id, text(entry.getKey()));
            for (EventView e : entry.getValue()) {
                long item = rows.insertItem(id, section, clip(e.title(), ITEM_TITLE_MAX), clip(eventText(e), BODY_MAX),
                        e.id(), null, null, "/events/" + e.id());
                for (Long fileId : eventPhotos(e.id())) {
                    rows.insertPhoto(id, item, fileId);
                }
            }
        }
        List<NewsletterArticle> articles = new ArrayList<>();
        for (NewsletterArticleSource source : articleSources) {
            articles.addAll(source.publishedBetween(unit.path(), from, to));
        }
        articles.sort(Comparator.comparing(NewsletterArticle::publishedOn).thenComparing(NewsletterArticle::id));
        if (!articles.isEmpty()) {
            long section = rows.insertSection(id, text("newsletter.section.articles"));
            for (NewsletterArticle a : articles) {
                long item = rows.insertItem(id, section, clip(a.title(), ITEM_TITLE_MAX), clip(a.summary(), BODY_MAX),
                        null, clip(a.source(), 40), a.id(), clip(a.link(), LINE_MAX));
                if (a.coverFileId() != null) {
                    rows.insertPhoto(id, item, a.coverFileId());
                }
            }
        }
        if (rows.sections(id).isEmpty()) {
            rows.insertSection(id, text("newsletter.section.work"));
        }
        rows.insertStep(id, "CREATED", user.username(), from + " ~ " + to);
        audit.record(AuditAction.CREATE, "newsletter_issue", id, AuditOutcome.SUCCESS, unit.name() + " " + from + "~" + to);
        return id;
    }

    private List<EventView> finishedEvents(long unitId, LocalDate from, LocalDate to) {
        List<EventView> found = new ArrayList<>();
        int page = 0;
        Page<EventView> batch;
        do {
            batch = events.search(new EventQuery(null, unitId, EventState.DONE, from, to), page++, 200);
            found.addAll(batch.getContent());
        } while (batch.hasNext());
        found.sort(Comparator.comparing(EventView::startsAt).thenComparing(EventView::id));
        return found;
    }

    private List<Long> eventPhotos(long eventId) {
        return attachments.list(eventId).stream().filter(a -> a.kind() == EventAttachmentKind.PHOTO)
                .sorted(Comparator.comparing((EventAttachmentView a) -> !a.cover()).thenComparing(EventAttachmentView::id))
                .limit(MAX_PHOTOS_PER_EVENT).map(EventAttachmentView::fileId).toList();
    }

    private static String sectionKey(EventCategory category) {
        return switch (category) {
            case MEETING -> "newsletter.section.work";
            case LECTURE, HEALTH_TALK -> "newsletter.section.study";
            default -> "newsletter.section.brand";
        };
    }

    private String eventText(EventView e) {
        LocalDate day = e.startsAt().toLocalDate();
        String date = text("newsletter.print.date", String.valueOf(day.getYear()), day.getMonthValue(), day.getDayOfMonth());
        String when = text(e.place() == null || e.place().isBlank() ? "newsletter.item.whenNoPlace" : "newsletter.item.when",
                date, e.place(), e.organiserUnitName());
        String summary = e.summary() != null && !e.summary().isBlank() ? e.summary().strip() : "";
        return summary.isEmpty() ? when : when + "\n" + summary;
    }

    // ---- editing -------------------------------------------------------------------------------------

    @Transactional
    public void updateHeader(long id, long version, NewsletterHeaderForm form) {
        CurrentUser user = currentUsers.require(Permission.NEWSLETTER_EDIT);
        editable(id, user);
        List<FieldProblem> problems = new ArrayList<>();
        if (form.title() == null || form.title().isBlank()) {
            problems.add(new FieldProblem("title", "validation.required"));
        } else if (form.title().strip().length() > TITLE_MAX) {
            problems.add(new FieldProblem("title", "validation.tooLong", TITLE_MAX));
        }
        checkPeriod(form.periodFrom(), form.periodTo(), problems);
        checkLength("reportTo", form.reportTo(), LINE_MAX, problems);
        checkLength("sendTo", form.sendTo(), LINE_MAX, problems);
        checkLength("copyTo", form.copyTo(), LINE_MAX, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NewsletterHeaderForm clean = new NewsletterHeaderForm(form.title().strip(), form.periodFrom(), form.periodTo(),
                form.reportTo(), form.sendTo(), form.copyTo());
        if (rows.updateHeader(id, version, clean) == 0) {
            throw new UserFacingException("newsletter.changedMeanwhile");
        }
        audit.record(AuditAction.UPDATE, "newsletter_issue", id, AuditOutcome.SUCCESS, "header");
    }

    @Transactional
    public long addSection(long id, String title) {
        CurrentUser user = currentUsers.require(Permission.NEWSLETTER_EDIT);
        editable(id, user);
        String clean = required("sectionTitle", title, TITLE_MAX);
        long section = rows.insertSection(id, clean);
        changed(id, "section+ " + clean);
        return section;
    }

    @Transactional
    public void renameSection(long sectionId, String title) {
        long id = issueOfSection(sectionId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        rows.renameSection(sectionId, required("sectionTitle", title, TITLE_MAX));
        changed(id, "section " + sectionId);
    }

    @Transactional
    public void deleteSection(long sectionId) {
        long id = issueOfSection(sectionId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        rows.deleteSection(sectionId);
        changed(id, "section- " + sectionId);
    }

    @Transactional
    public void moveSection(long sectionId, boolean up) {
        long id = issueOfSection(sectionId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        if (rows.moveSection(sectionId, up)) {
            changed(id, "section move " + sectionId);
        }
    }

    @Transactional
    public long addItem(long sectionId, String title, String body) {
        long id = issueOfSection(sectionId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        List<FieldProblem> problems = new ArrayList<>();
        String cleanTitle = checkRequired("itemTitle", title, ITEM_TITLE_MAX, problems);
        checkLength("itemBody", body, BODY_MAX, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long item = rows.insertItem(id, sectionId, cleanTitle, body == null ? null : body.strip(), null, null, null, null);
        changed(id, "item+ " + cleanTitle);
        return item;
    }

    @Transactional
    public void updateItem(long itemId, String title, String body) {
        long id = issueOfItem(itemId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        List<FieldProblem> problems = new ArrayList<>();
        String cleanTitle = checkRequired("itemTitle", title, ITEM_TITLE_MAX, problems);
        checkLength("itemBody", body, BODY_MAX, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        rows.updateItem(itemId, cleanTitle, body == null ? null : body.strip());
        changed(id, "item " + itemId);
    }

    @Transactional
    public void deleteItem(long itemId) {
        long id = issueOfItem(itemId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        rows.deleteItem(itemId);
        changed(id, "item- " + itemId);
    }

    /** Up or down within its section; past the section's edge into the neighbouring section. */
    @Transactional
    public void moveItem(long itemId, boolean up) {
        long id = issueOfItem(itemId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        if (rows.moveItem(itemId, up)) {
            changed(id, "item move " + itemId + (up ? " up" : " down"));
        }
    }

    @Transactional
    public void removePhoto(long itemId, long fileId) {
        long id = issueOfItem(itemId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        if (rows.deletePhoto(itemId, fileId) > 0) {
            changed(id, "photo- " + fileId);
        }
    }

    /** Adds a stored photo (a files module id the caller just uploaded) to an item. */
    @Transactional
    public void addPhoto(long itemId, long fileId) {
        long id = issueOfItem(itemId);
        editable(id, currentUsers.require(Permission.NEWSLETTER_EDIT));
        rows.insertPhoto(id, itemId, fileId);
        changed(id, "photo+ " + fileId);
    }

    // ---- workflow ------------------------------------------------------------------------------------

    @Transactional
    public void submit(long id) {
        CurrentUser user = currentUsers.require(Permission.NEWSLETTER_EDIT);
        NewsletterRows.IssueRow row = editable(id, user);
        if (rows.sections(id).stream().allMatch(s -> s.items().isEmpty())) {
            throw new UserFacingException("newsletter.empty");
        }
        if (rows.changeState(id, row.state(), NewsletterState.SUBMITTED, null) == 0) {
            throw new UserFacingException("newsletter.changedMeanwhile");
        }
        rows.insertStep(id, "SUBMITTED", user.username(), null);
        audit.record(AuditAction.UPDATE, "newsletter_issue", id, AuditOutcome.SUCCESS, "state=SUBMITTED");
    }

    /** Sends a submitted issue back to its editor with a comment (required). */
    @Transactional
    public void returnToEditor(long id, String comment) {
        CurrentUser user = currentUsers.require(Permission.NEWSLETTER_SIGN);
        NewsletterRows.IssueRow row = visible(id, user);
        if (row.state() != NewsletterState.SUBMITTED) {
            throw new UserFacingException("newsletter.notSubmitted");
        }
        String clean = required("comment", comment, 1000);
        if (rows.changeState(id, NewsletterState.SUBMITTED, NewsletterState.RETURNED, clean) == 0) {
            throw new UserFacingException("newsletter.changedMeanwhile");
        }
        rows.insertStep(id, "RETURNED", user.username(), clean);
        audit.record(AuditAction.UPDATE, "newsletter_issue", id, AuditOutcome.SUCCESS, "state=RETURNED");
    }

    /** Signs off and issues a submitted issue today (Asia/Shanghai). */
    public NewsletterIssueView issue(long id) {
        return issue(id, LocalDate.now(EventService.ZONE));
    }

    /**
     * Signs off and issues a submitted issue on the given day: it gets the next number of its unit in that year,
     * retried when a concurrent issue took the number first.
     */
    public NewsletterIssueView issue(long id, LocalDate on) {
        CurrentUser user = currentUsers.require(Permission.NEWSLETTER_SIGN);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= NUMBER_ATTEMPTS; attempt++) {
            try {
                transactions.executeWithoutResult(status -> issueOnce(id, on, user));
                audit.record(AuditAction.UPDATE, "newsletter_issue", id, AuditOutcome.SUCCESS, "state=ISSUED");
                return transactions.execute(status -> view(rows.findIssue(id).orElseThrow()));
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                log.debug("Newsletter number taken meanwhile, attempt {}", attempt, e);
                last = e;
                pause(attempt);
            }
        }
        throw new UserFacingException("newsletter.numberBusy", last == null ? "" : last.getClass().getSimpleName());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(15L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextInt(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void issueOnce(long id, LocalDate on, CurrentUser user) {
        NewsletterRows.IssueRow row = visible(id, user);
        if (row.state() != NewsletterState.SUBMITTED) {
            throw new UserFacingException("newsletter.notSubmitted");
        }
        int year = on.getYear();
        int number = rows.lastNumber(row.unitId(), year) + 1;
        if (rows.markIssued(id, year, number, on, user.displayName()) == 0) {
            throw new UserFacingException("newsletter.changedMeanwhile");
        }
        rows.insertStep(id, "ISSUED", user.username(), text("newsletter.number", String.valueOf(year), number));
        publisher.publishEvent(new NewsletterIssued(id, row.unitId(), on));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private CurrentUser reader() {
        CurrentUser user = currentUsers.require();
        if (!user.has(Permission.NEWSLETTER_EDIT) && !user.has(Permission.NEWSLETTER_SIGN)) {
            return currentUsers.require(Permission.NEWSLETTER_EDIT);
        }
        return user;
    }

    private String prefix(CurrentUser user) {
        if (user.unrestricted()) {
            return "";
        }
        return units.find(user.scopeOrgUnitId()).map(OrgUnitView::path).orElse("/none/");
    }

    private NewsletterRows.IssueRow visible(long id, CurrentUser user) {
        String prefix = prefix(user);
        return rows.findIssue(id).filter(r -> r.unitPath().startsWith(prefix))
                .orElseThrow(() -> new NotFoundException("newsletter", id));
    }

    private NewsletterRows.IssueRow editable(long id, CurrentUser user) {
        NewsletterRows.IssueRow row = visible(id, user);
        if (!row.state().editable()) {
            throw new UserFacingException("newsletter.notEditable");
        }
        return row;
    }

    private long issueOfSection(long sectionId) {
        return rows.issueOfSection(sectionId).orElseThrow(() -> new NotFoundException("newsletter section", sectionId));
    }

    private long issueOfItem(long itemId) {
        return rows.issueOfItem(itemId).orElseThrow(() -> new NotFoundException("newsletter item", itemId));
    }

    private void changed(long id, String detail) {
        rows.touch(id);
        audit.record(AuditAction.UPDATE, "newsletter_issue", id, AuditOutcome.SUCCESS, detail);
    }

    private NewsletterIssueView view(NewsletterRows.IssueRow r) {
        return new NewsletterIssueView(r.id(), r.unitId(), r.unitName(), r.title(), r.state(), r.year(), r.number(),
                r.periodFrom(), r.periodTo(), r.editorName(), r.issuedOn(), r.signedBy(), r.reportTo(), r.sendTo(),
                r.copyTo(), r.returnComment(), r.version(), rows.sections(r.id()));
    }

    private static void checkPeriod(LocalDate from, LocalDate to, List<FieldProblem> problems) {
        if (from == null) {
            problems.add(new FieldProblem("periodFrom", "validation.required"));
        }
        if (to == null) {
            problems.add(new FieldProblem("periodTo", "validation.required"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(new FieldProblem("periodTo", "newsletter.period.order"));
            } else if (from.plusYears(1).isBefore(to)) {
                problems.add(new FieldProblem("periodTo", "newsletter.period.tooLong"));
            }
        }
    }

    private static void checkLength(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong", max));
        }
    }

    private static String checkRequired(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
            return null;
        }
        checkLength(field, value, max, problems);
        return value.strip();
    }

    private static String required(String field, String value, int max) {
        List<FieldProblem> problems = new ArrayList<>();
        String clean = checkRequired(field, value, max, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return clean;
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }

    /** Words that become part of the issue (section names, distribution lines): Chinese, as the issue is printed. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, NewsletterLabels.LOCALE);
    }
}
