package cn.hongxin.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.events.EventService;
import cn.hongxin.events.EventView;
import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PersonPlacements;
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
 * Articles and their review workflow (三审三校). A writer (article:write) keeps drafts of the units in their
 * scope and submits them; 初审 (article:review) marks a submitted article reviewed, 终审 (article:approve)
 * approves it, and article:publish publishes it on the public site (and through the WeChat channel when it is
 * configured). Each review step may instead return the article to draft with a comment. Nobody reviews,
 * approves or returns their own article. Every step is a conditional update on the state it starts from, so two
 * racing clicks take it once; it is written to the article's history and to the audit trail. Refusals change
 * nothing.
 */
@Service
public class ArticleService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 500;
    static final int BODY_MAX = 100_000;
    static final int COMMENT_MAX = 1000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,118}");

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final PersonPlacements placements;
    private final OrgUnitService units;
    private final ObjectProvider<EventService> events;
    private final ObjectProvider<FileStore> files;
    private final ArticleHtml html;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final WeChatPublisher wechat;

    ArticleService(JdbcClient jdbc, CurrentUsers currentUsers, PersonPlacements placements, OrgUnitService units,
                   ObjectProvider<EventService> events, ObjectProvider<FileStore> files, ArticleHtml html,
                   AuditTrail audit, ApplicationEventPublisher publisher, PlatformTransactionManager transactions,
                   WeChatPublisher wechat) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.placements = placements;
        this.units = units;
        this.events = events;
        this.files = files;
        this.html = html;
        this.audit = audit;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
        this.wechat = wechat;
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Articles of units in the caller's scope matching the filters, the latest changed first. */
    @Transactional(readOnly = true)
    public Page<ArticleView> search(ArticleQuery query, int page, int size) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        ArticleQuery q = query == null ? ArticleQuery.all() : query;
        StringBuilder where = new StringBuilder(" where unit_path like :prefix");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("prefix", placements.scopePrefix(user) + "%");
        if (q.state() != null) {
            where.append(" and state = :state");
            params.put("state", q.state().name());
        }
        if (q.unitId() != null) {
            where.append(" and unit_path like :unitPath");
            params.put("unitPath", placements.pathWithin(q.unitId(), placements.scopePrefix(user)).orElse("/none/")
                    + "%");
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and (lower(title) like :text or lower(tags) like :text or lower(author_name) like :text)");
            params.put("text", "%" + q.text().strip().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        int pageSize = Math.min(Math.max(size, 1), 200);
        int pageNo = Math.max(page, 0);
        long total = jdbc.sql("select count(*) from article" + where).params(params).query(Long.class).single();
        List<ArticleView> rows = jdbc.sql("select * from article" + where
                        + " order by updated_at desc, id desc limit :limit offset :offset")
                .params(params).param("limit", pageSize).param("offset", (long) pageNo * pageSize)
                .query(this::row).list();
        return new PageImpl<>(rows, PageRequest.of(pageNo, pageSize), total);
    }

    /** One article of a unit in the caller's scope. */
    @Transactional(readOnly = true)
    public ArticleView get(long id) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        return load(id, user);
    }

    /** The steps the article went through, oldest first. */
    @Transactional(readOnly = true)
    public List<ArticleHistoryEntry> history(long id) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        load(id, user);
        return jdbc.sql("select * from article_history where article_id = :id order by at, id").param("id", id)
                .query((rs, n) -> new ArticleHistoryEntry(instant(rs, "at"), rs.getString("actor_name"),
                        state(rs.getString("from_state")), state(rs.getString("to_state")), rs.getString("comment")))
                .list();
    }

    /** Safe HTML of a body, for the editor's preview; nothing is stored. */
    public String preview(BodyFormat format, String body) {
        currentUsers.require(Permission.ARTICLE_WRITE);
        return html.render(format == null ? BodyFormat.MARKDOWN : format, body);
    }

    /** Whether the signed-in account wrote this article (it may then not review it). */
    public boolean isOwn(ArticleView article) {
        return currentUsers.current().map(u -> own(article, u)).orElse(false);
    }

    /** The units the caller may write articles for, in tree order. */
    public List<OrgUnitView> writableUnits() {
        currentUsers.require(Permission.ARTICLE_WRITE);
        return units.visibleFor(Permission.ARTICLE_WRITE);
    }

    // ---- writing -------------------------------------------------------------------------------

    /** A new draft by the signed-in writer. */
    @Transactional
    public ArticleView create(ArticleForm form) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        Clean c = check(form, user, null);
        String author = user.personId() == null ? user.displayName()
                : placements.of(user.personId()).map(p -> p.name()).orElse(user.displayName());
        OffsetDateTime now = now();
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            insert into article (title, slug, summary, body_format, body_source, body_html,
                                author_person_id, author_account_id, author_name, unit_id, unit_path, unit_name,
                                cover_file_id, tags, state, created_at, updated_at)
                            values (:title, :slug, :summary, :format, :source, :html, :person, :account, :author,
                                :unit, :path, :unitName, :cover, :tags, 'DRAFT', :now, :now)""")
                    .param("title", c.title).param("slug", c.slug).param("summary", c.summary)
                    .param("format", c.format.name()).param("source", c.body).param("html", c.html)
                    .param("person", user.personId()).param("account", user.accountId())
                    .param("author", truncate(author, 100)).param("unit", c.unit.id()).param("path", c.unit.path())
                    .param("unitName", c.unit.name()).param("cover", c.cover).param("tags", c.tags)
                    .param("now", now)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        long id = keys.getKey().longValue();
        saveEvents(id, c.events);
        history(id, user, null, ArticleState.DRAFT, null, now);
        audit.record(AuditAction.CREATE, "article", id, AuditOutcome.SUCCESS, c.title);
        return load(id, user);
    }

    /** Changes a draft (also one returned with comments). */
    @Transactional
    public ArticleView update(long id, ArticleForm form) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        ArticleView a = load(id, user);
        if (a.state() != ArticleState.DRAFT) {
            throw new UserFacingException("article.edit.notDraft");
        }
        Clean c = check(form, user, a);
        try {
            int changed = jdbc.sql("""
                            update article set title = :title, slug = :slug, summary = :summary, body_format = :format,
                                body_source = :source, body_html = :html, unit_id = :unit, unit_path = :path,
                                unit_name = :unitName, cover_file_id = :cover, tags = :tags, updated_at = :now,
                                version = version + 1
                            where id = :id and state = 'DRAFT'""")
                    .param("title", c.title).param("slug", c.slug).param("summary", c.summary)
                    .param("format", c.format.name()).param("source", c.body).param("html", c.html)
                    .param("unit", c.unit.id()).param("path", c.unit.path()).param("unitName", c.unit.name())
                    .param("cover", c.cover).param("tags", c.tags).param("now", now()).param("id", id).update();
            if (changed == 0) {
                throw new UserFacingException("article.edit.notDraft");
            }
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        jdbc.sql("delete from article_event where article_id = :id").param("id", id).update();
        saveEvents(id, c.events);
        audit.record(AuditAction.UPDATE, "article", id, AuditOutcome.SUCCESS, c.title);
        return load(id, user);
    }

    /** Deletes a draft that was never published. */
    @Transactional
    public void delete(long id) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        ArticleView a = load(id, user);
        if (a.state() != ArticleState.DRAFT || a.publishedOn() != null) {
            throw new UserFacingException("article.delete.notDraft");
        }
        if (!own(a, user) && !user.has(Permission.ARTICLE_APPROVE)) {
            throw denied(id, user, "delete of another's draft");
        }
        jdbc.sql("delete from article where id = :id and state = 'DRAFT'").param("id", id).update();
        audit.record(AuditAction.DELETE, "article", id, AuditOutcome.SUCCESS, a.title());
    }

    // ---- workflow ------------------------------------------------------------------------------

    /** 送审: a draft goes to review. */
    @Transactional
    public ArticleView submit(long id, String comment) {
        return step(id, ArticleState.DRAFT, ArticleState.SUBMITTED, Permission.ARTICLE_WRITE, false, comment, false);
    }

    /** 初审通过. */
    @Transactional
    public ArticleView review(long id, String comment) {
        return step(id, ArticleState.SUBMITTED, ArticleState.REVIEWED, Permission.ARTICLE_REVIEW, true, comment, false);
    }

    /** 终审通过. */
    @Transactional
    public ArticleView approve(long id, String comment) {
        return step(id, ArticleState.REVIEWED, ArticleState.APPROVED, Permission.ARTICLE_APPROVE, true, comment, false);
    }

    /**
     * 退回修改: from any review step back to draft, with a comment (required), by a holder of that step's
     * permission who is not the author.
     */
    @Transactional
    public ArticleView returnToDraft(long id, String comment) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        ArticleView a = load(id, user);
        Permission needed = switch (a.state()) {
            case SUBMITTED -> Permission.ARTICLE_REVIEW;
            case REVIEWED -> Permission.ARTICLE_APPROVE;
            case APPROVED -> Permission.ARTICLE_PUBLISH;
            default -> throw new UserFacingException("article.return.notInReview");
        };
        return step(id, a.state(), ArticleState.DRAFT, needed, true, comment, true);
    }

    /**
     * 发布: an approved article goes on the public site; {@link ArticlePublished} is published in the same
     * transaction. Then, when the WeChat channel is configured, it is sent there (a failure there is kept on the
     * article and retried; the publication on the site stands).
     */
    public ArticleView publish(long id) {
        return publish(id, null);
    }

    /**
     * 发布 with the day it was published, for entering an article that already appeared (补录): not after today,
     * not more than a year ago; null means today. Only an article published today goes to WeChat.
     */
    public ArticleView publish(long id, LocalDate publishedOn) {
        LocalDate today = LocalDate.now(CHINA);
        if (publishedOn != null && (publishedOn.isAfter(today) || publishedOn.isBefore(today.minusYears(1)))) {
            throw new InvalidInputException(List.of(new FieldProblem("publishedOn", "article.publishedOn.invalid")));
        }
        ArticleView published = tx.execute(s -> {
            CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
            ArticleView a = load(id, user);
            step(id, ArticleState.APPROVED, ArticleState.PUBLISHED, Permission.ARTICLE_PUBLISH, false, null, false);
            LocalDate on = publishedOn != null ? publishedOn : a.publishedOn() == null ? today : a.publishedOn();
            OffsetDateTime at = on.equals(today) ? now()
                    : on.atTime(10, 0).atZone(CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            jdbc.sql("update article set published_at = :at, published_on = :on where id = :id")
                    .param("at", at).param("on", on).param("id", id).update();
            publisher.publishEvent(new ArticlePublished(id, a.unitId(), a.authorPersonId(), on));
            return load(id, user);
        });
        if (published.publishedOn() == null || !published.publishedOn().isBefore(today)) {
            if (wechat.configured()) {
                wechat.push(id);
            }
        }
        return get(id);
    }

    /** 撤回: a published article leaves the public site and goes back to draft; its evidence is removed. */
    @Transactional
    public ArticleView withdraw(long id, String comment) {
        ArticleView a = step(id, ArticleState.PUBLISHED, ArticleState.DRAFT, Permission.ARTICLE_PUBLISH, false,
                comment, true);
        publisher.publishEvent(new ArticleUnpublished(id));
        return a;
    }

    /** 推送到微信: sends a published article to the WeChat channel again, resuming where it stopped. */
    public ArticleView pushToWeChat(long id) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        ArticleView a = tx.execute(s -> load(id, user));
        if (!user.has(Permission.ARTICLE_PUBLISH)) {
            throw denied(id, user, "push to WeChat");
        }
        if (a.state() != ArticleState.PUBLISHED) {
            throw new UserFacingException("article.wechat.notPublished");
        }
        if (!wechat.configured()) {
            throw new UserFacingException("wechat.notConfigured");
        }
        if (a.wechatState() == WeChatState.PUBLISHED) {
            throw new UserFacingException("article.wechat.already");
        }
        audit.record(AuditAction.UPDATE, "article", id, AuditOutcome.SUCCESS, "push to WeChat");
        wechat.push(id);
        return get(id);
    }

    private ArticleView step(long id, ArticleState from, ArticleState to, Permission needed, boolean notOwn,
                             String comment, boolean commentRequired) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        ArticleView a = load(id, user);
        if (!user.has(needed)) {
            throw denied(id, user, from + " -> " + to + " needs " + needed.authority());
        }
        if (notOwn && own(a, user)) {
            audit.record(AuditAction.UPDATE, "article", id, AuditOutcome.DENIED, "own article " + from + " -> " + to);
            throw new UserFacingException("article.step.own");
        }
        String why = comment == null ? null : comment.strip();
        if (why != null && why.isEmpty()) {
            why = null;
        }
        if (commentRequired && why == null) {
            throw new InvalidInputException(List.of(new FieldProblem("comment", "article.comment.required")));
        }
        if (why != null && why.length() > COMMENT_MAX) {
            throw new InvalidInputException(List.of(new FieldProblem("comment", "article.text.tooLong", COMMENT_MAX)));
        }
        if (a.state() != from) {
            throw new UserFacingException("article.state.changed");
        }
        OffsetDateTime now = now();
        int changed = jdbc.sql("""
                        update article set state = :to, last_comment = :comment, updated_at = :now,
                            version = version + 1 where id = :id and state = :from""")
                .param("to", to.name()).param("comment", commentRequired ? why : (to == ArticleState.SUBMITTED ? null
                        : a.lastComment())).param("now", now).param("id", id).param("from", from.name()).update();
        if (changed == 0) {
            throw new UserFacingException("article.state.changed");
        }
        history(id, user, from, to, why, now);
        audit.record(AuditAction.UPDATE, "article", id, AuditOutcome.SUCCESS,
                from + " -> " + to + (why == null ? "" : ": " + why));
        return load(id, user);
    }

    private UserFacingException denied(long id, CurrentUser user, String detail) {
        audit.record(AuditAction.UPDATE, "article", id, AuditOutcome.DENIED, detail);
        return new UserFacingException("article.step.notAllowed");
    }

    static boolean own(ArticleView a, CurrentUser user) {
        return a.authorAccountId() == user.accountId()
                || (user.personId() != null && user.personId().equals(a.authorPersonId()));
    }

    private void history(long id, CurrentUser user, ArticleState from, ArticleState to, String comment,
                         OffsetDateTime at) {
        jdbc.sql("""
                        insert into article_history (article_id, actor_account_id, actor_name, at, from_state, to_state,
                            comment) values (:id, :account, :name, :at, :from, :to, :comment)""")
                .param("id", id).param("account", user.accountId())
                .param("name", truncate(user.displayName() == null ? user.username() : user.displayName(), 100))
                .param("at", at).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("comment", comment).update();
    }

    // ---- checking ------------------------------------------------------------------------------

    private record Clean(String title, String slug, String summary, BodyFormat format, String body, String html,
                         OrgUnitView unit, Long cover, String tags, List<LinkedEvent> events) {
    }

    private Clean check(ArticleForm form, CurrentUser user, ArticleView existing) {
        if (form == null) {
            throw new InvalidInputException(List.of(new FieldProblem("title", "article.title.required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String title = strip(form.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "article.title.required"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(new FieldProblem("title", "article.text.tooLong", TITLE_MAX));
        }
        String slug = strip(form.slug());
        if (slug != null) {
            slug = slug.toLowerCase(java.util.Locale.ROOT);
            if (!SLUG.matcher(slug).matches() || slug.chars().allMatch(Character::isDigit)) {
                problems.add(new FieldProblem("slug", "article.slug.invalid"));
            }
        }
        String summary = strip(form.summary());
        if (summary != null && summary.length() > SUMMARY_MAX) {
            problems.add(new FieldProblem("summary", "article.text.tooLong", SUMMARY_MAX));
        }
        BodyFormat format = form.format() == null ? BodyFormat.MARKDOWN : form.format();
        String body = form.body() == null ? "" : form.body().strip();
        String safe = "";
        if (body.isEmpty()) {
            problems.add(new FieldProblem("body", "article.body.required"));
        } else if (body.length() > BODY_MAX) {
            problems.add(new FieldProblem("body", "article.text.tooLong", BODY_MAX));
        } else {
            safe = html.render(format, body);
            if (ArticleHtml.plainText(safe, 10).isEmpty() && ArticleHtml.imageFileIds(safe).isEmpty()) {
                problems.add(new FieldProblem("body", "article.body.empty"));
            }
        }
        OrgUnitView unit = null;
        if (form.unitId() == null) {
            problems.add(new FieldProblem("unitId", "article.unit.required"));
        } else {
            unit = units.visibleFor(Permission.ARTICLE_WRITE).stream().filter(u -> u.id() == form.unitId())
                    .findFirst().orElse(null);
            if (unit == null) {
                problems.add(new FieldProblem("unitId", "article.unit.invalid"));
            }
        }
        Long cover = form.coverFileId();
        if (cover != null && !(existing != null && cover.equals(existing.coverFileId()))) {
            FileStore store = files.getIfAvailable();
            Optional<StoredFile> f = store == null ? Optional.empty() : store.find(cover);
            if (f.isEmpty() || !f.get().image()
                    || (f.get().ownerAccountId() != null && f.get().ownerAccountId() != user.accountId())) {
                problems.add(new FieldProblem("coverFileId", "article.cover.invalid"));
            }
        }
        for (Long imageId : ArticleHtml.imageFileIds(safe)) {
            FileStore store = files.getIfAvailable();
            boolean known = existing != null && ArticleHtml.imageFileIds(existing.bodyHtml()).contains(imageId);
            if (!known && (store == null || store.find(imageId).filter(StoredFile::image).isEmpty())) {
                problems.add(new FieldProblem("body", "article.image.invalid", imageId));
                break;
            }
        }
        Set<String> tagSet = new LinkedHashSet<>();
        if (form.tags() != null) {
            Arrays.stream(form.tags().split("[,，、;；\\s]+")).map(String::strip).filter(t -> !t.isEmpty())
                    .forEach(tagSet::add);
        }
        String tags = String.join(",", tagSet);
        if (tags.length() > 500 || tagSet.stream().anyMatch(t -> t.length() > 30)) {
            problems.add(new FieldProblem("tags", "article.tags.tooLong"));
        }
        List<LinkedEvent> linked = new ArrayList<>();
        Map<Long, LinkedEvent> before = existing == null ? Map.of()
                : existing.events().stream().collect(Collectors.toMap(LinkedEvent::eventId, Function.identity()));
        if (form.eventIds() != null) {
            for (Long eventId : new LinkedHashSet<>(form.eventIds())) {
                if (eventId == null) {
                    continue;
                }
                if (before.containsKey(eventId)) {
                    linked.add(before.get(eventId));
                    continue;
                }
                EventService es = events.getIfAvailable();
                try {
                    EventView e = es == null ? null : es.get(eventId);
                    if (e == null) {
                        throw new NotFoundException("event", eventId);
                    }
                    linked.add(new LinkedEvent(eventId, truncate(e.title(), 200),
                            e.startsAt() == null ? null : e.startsAt().toLocalDate()));
                } catch (RuntimeException e) {
                    problems.add(new FieldProblem("eventIds", "article.event.invalid", eventId));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (summary == null) {
            summary = ArticleHtml.plainText(safe, 120);
        }
        return new Clean(title, slug, summary, format, body, safe, unit, cover, tags.isEmpty() ? null : tags, linked);
    }

    private static InvalidInputException slugTaken() {
        return new InvalidInputException(List.of(new FieldProblem("slug", "article.slug.taken")));
    }

    private void saveEvents(long id, List<LinkedEvent> linked) {
        for (LinkedEvent e : linked) {
            jdbc.sql("insert into article_event (article_id, event_id, event_title, event_date) values (:a, :e, :t, :d)")
                    .param("a", id).param("e", e.eventId()).param("t", e.title()).param("d", e.date()).update();
        }
    }

    // ---- loading -------------------------------------------------------------------------------

    ArticleView load(long id, CurrentUser user) {
        String prefix = placements.scopePrefix(user);
        return jdbc.sql("select * from article where id = :id and unit_path like :prefix")
                .param("id", id).param("prefix", prefix + "%").query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("article", id));
    }

    ArticleView row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        String tags = rs.getString("tags");
        java.sql.Date on = rs.getDate("published_on");
        long person = rs.getLong("author_person_id");
        Long authorPerson = rs.wasNull() ? null : person;
        long cover = rs.getLong("cover_file_id");
        Long coverId = rs.wasNull() ? null : cover;
        return new ArticleView(id, rs.getString("title"), rs.getString("slug"), rs.getString("summary"),
                BodyFormat.valueOf(rs.getString("body_format")), rs.getString("body_source"),
                rs.getString("body_html"), authorPerson, rs.getLong("author_account_id"), rs.getString("author_name"),
                rs.getLong("unit_id"), rs.getString("unit_name"), coverId,
                tags == null || tags.isBlank() ? List.of() : List.of(tags.split(",")),
                ArticleState.valueOf(rs.getString("state")), rs.getString("last_comment"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "published_at"), on == null ? null : on.toLocalDate(),
                rs.getLong("view_count"), WeChatState.valueOf(rs.getString("wechat_state")),
                rs.getString("wechat_error"), rs.getString("wechat_article_url"), linkedEvents(id));
    }

    List<LinkedEvent> linkedEvents(long articleId) {
        return jdbc.sql("select * from article_event where article_id = :id order by event_date, event_id")
                .param("id", articleId).query((rs, n) -> {
                    java.sql.Date d = rs.getDate("event_date");
                    return new LinkedEvent(rs.getLong("event_id"), rs.getString("event_title"),
                            d == null ? null : d.toLocalDate());
                }).list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static ArticleState state(String s) {
        return s == null ? null : ArticleState.valueOf(s);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
