package cn.hongxin.outreach;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.events.EventService;
import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PersonDetail;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * The school-newspaper health column (校报专栏) as an editorial calendar: issues of the paper, and in each the
 * pieces with topic, author and state. A piece moves planned, written (the article attached), published, one step
 * at a time; a step back needs a reason. Publishing announces {@link ColumnArticlePublished}, withdrawing a
 * published piece {@link ColumnArticleRetracted}, inside the transaction that changes the piece. A refused move
 * changes nothing.
 */
@Service
public class ColumnService {

    static final int MAX_TOPIC = 200;
    static final int MAX_REASON = 500;

    private final ColumnIssueRepository issues;
    private final ColumnPieceRepository pieces;
    private final ColumnPieceLogRepository log;
    private final OutreachScope scope;
    private final FileStore files;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    ColumnService(ColumnIssueRepository issues, ColumnPieceRepository pieces, ColumnPieceLogRepository log,
                  OutreachScope scope, FileStore files, AuditTrail audit, ApplicationEventPublisher publisher,
                  PlatformTransactionManager transactionManager) {
        this.issues = issues;
        this.pieces = pieces;
        this.log = log;
        this.scope = scope;
        this.files = files;
        this.audit = audit;
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The month's calendar: issues dated in the month (and in the grid's leading and trailing days). */
    @Transactional(readOnly = true)
    public ColumnMonth month(YearMonth month) {
        CurrentUser user = scope.require();
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<ColumnIssue> found = issues.findUnderBetween(scope.prefix(user), first, last);
        Map<Long, ColumnIssue> byId = found.stream().collect(Collectors.toMap(ColumnIssue::getId, Function.identity()));
        List<ColumnPieceView> all = byId.isEmpty() ? List.of()
                : pieces.findByIssueIdInOrderByIdAsc(byId.keySet()).stream()
                .map(p -> p.toView(byId.get(p.getIssueId())))
                .sorted(Comparator.comparing(ColumnPieceView::issueDate).thenComparing(ColumnPieceView::id)).toList();
        LocalDate today = LocalDate.now(EventService.ZONE);
        List<List<ColumnMonth.Day>> weeks = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusWeeks(1)) {
            List<ColumnMonth.Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate day = d.plusDays(i);
                week.add(new ColumnMonth.Day(day, YearMonth.from(day).equals(month), day.equals(today),
                        found.stream().filter(x -> x.getIssueDate().equals(day)).map(ColumnIssue::toView).toList(),
                        all.stream().filter(p -> day.equals(p.issueDate())).toList()));
            }
            weeks.add(week);
        }
        List<ColumnIssueView> inMonth = found.stream().filter(i -> YearMonth.from(i.getIssueDate()).equals(month))
                .map(ColumnIssue::toView).toList();
        List<ColumnPieceView> piecesInMonth = all.stream().filter(p -> YearMonth.from(p.issueDate()).equals(month))
                .toList();
        return new ColumnMonth(month, weeks, inMonth, piecesInMonth);
    }

    /** The issues in scope dated between the two days, both included, oldest first. */
    @Transactional(readOnly = true)
    public List<ColumnIssueView> issues(LocalDate from, LocalDate to) {
        CurrentUser user = scope.require();
        return issues.findUnderBetween(scope.prefix(user), from, to).stream().map(ColumnIssue::toView).toList();
    }

    @Transactional(readOnly = true)
    public ColumnPieceView get(long pieceId) {
        ColumnPiece p = visible(pieceId);
        return p.toView(issues.findById(p.getIssueId()).orElse(null));
    }

    /** The piece's moves, oldest first. */
    @Transactional(readOnly = true)
    public List<PieceLogView> history(long pieceId) {
        visible(pieceId);
        return log.findByPieceIdOrderByIdAsc(pieceId).stream().map(ColumnPieceLog::toView).toList();
    }

    // ---- issues and pieces ---------------------------------------------------------------------

    @Transactional
    public ColumnIssueView addIssue(ColumnIssueForm form) {
        CurrentUser user = scope.require();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<OrgUnitView> unit = scope.partyUnit(form.unitId());
        if (unit.isEmpty()) {
            problems.add(new FieldProblem("unitId", form.unitId() == null ? "validation.required" : "validation.invalid"));
        }
        String no = TeamService.blankToNull(form.issueNo());
        if (no == null) {
            problems.add(new FieldProblem("issueNo", "validation.required"));
        } else if (no.length() > 30) {
            problems.add(new FieldProblem("issueNo", "validation.tooLong", 30));
        } else if (unit.isPresent() && issues.findByUnitIdAndIssueNo(unit.get().id(), no).isPresent()) {
            problems.add(new FieldProblem("issueNo", "outreach.issue.duplicate", no));
        }
        if (form.issueDate() == null) {
            problems.add(new FieldProblem("issueDate", "validation.required"));
        }
        String note = TeamService.blankToNull(form.note());
        if (note != null && note.length() > 200) {
            problems.add(new FieldProblem("note", "validation.tooLong", 200));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ColumnIssue issue = issues.saveAndFlush(new ColumnIssue(unit.get().id(), unit.get().path(), unit.get().name(),
                no, form.issueDate(), note, user.username()));
        audit.record(AuditAction.CREATE, "column_issue", issue.getId(), AuditOutcome.SUCCESS, no);
        return issue.toView();
    }

    /** A new piece, planned: topic and author chosen for an issue. */
    @Transactional
    public ColumnPieceView plan(ColumnPieceForm form) {
        CurrentUser user = scope.require();
        Checked c = check(form, user);
        ColumnPiece p = new ColumnPiece(c.issue(), user.username());
        p.describe(c.issue(), c.topic(), c.author().id(), c.author().name());
        pieces.saveAndFlush(p);
        log.save(new ColumnPieceLog(p.getId(), null, PieceState.PLANNED, null, user.username()));
        audit.record(AuditAction.CREATE, "column_piece", p.getId(), AuditOutcome.SUCCESS, c.topic());
        return p.toView(c.issue());
    }

    /** Changes the issue, topic or author of a piece that is not published. */
    @Transactional
    public ColumnPieceView update(long pieceId, ColumnPieceForm form) {
        CurrentUser user = scope.require();
        ColumnPiece p = visible(pieceId);
        if (p.getState() == PieceState.PUBLISHED) {
            throw new UserFacingException("outreach.piece.publishedLocked");
        }
        Checked c = check(form, user);
        p.describe(c.issue(), c.topic(), c.author().id(), c.author().name());
        audit.record(AuditAction.UPDATE, "column_piece", pieceId, AuditOutcome.SUCCESS, c.topic());
        return p.toView(c.issue());
    }

    /** Removes a piece that was never published, with its article file. */
    @Transactional
    public void delete(long pieceId) {
        scope.require();
        ColumnPiece p = visible(pieceId);
        if (p.getState() == PieceState.PUBLISHED) {
            throw new UserFacingException("outreach.piece.publishedLocked");
        }
        log.deleteAll(log.findByPieceIdOrderByIdAsc(pieceId));
        pieces.delete(p);
        pieces.flush();
        if (p.getFileId() != null) {
            files.delete(p.getFileId());
        }
        audit.record(AuditAction.DELETE, "column_piece", pieceId, AuditOutcome.SUCCESS, p.getTopic());
    }

    /**
     * Attaches the article (Word, PDF or an image; content-checked and size-limited by the files module) to a piece
     * that is not published, replacing an earlier one. The upload streams outside any database transaction; if
     * attaching fails afterwards the stored file is removed again.
     */
    public ColumnPieceView attach(long pieceId, String originalName, InputStream content) {
        CurrentUser user = scope.require();
        transactions.executeWithoutResult(status -> attachable(pieceId));
        StoredFile file = files.store(originalName, content, FilePurpose.DOCUMENT);
        try {
            return transactions.execute(status -> {
                ColumnPiece p = attachable(pieceId);
                Long previous = p.getFileId();
                p.attach(file.id(), file.originalName(), file.contentType());
                pieces.flush();
                if (previous != null) {
                    files.delete(previous);
                }
                audit.record(AuditAction.UPDATE, "column_piece", pieceId, AuditOutcome.SUCCESS,
                        "article " + file.originalName() + " by " + user.username());
                return p.toView(issues.findById(p.getIssueId()).orElse(null));
            });
        } catch (RuntimeException e) {
            files.delete(file.id());
            throw e;
        }
    }

    // ---- the states ----------------------------------------------------------------------------

    /**
     * Moves a piece: planned to written (an article must be attached), written to published (publishedOn, not in
     * the future; the issue's date when empty), and back one step with a reason (written to planned: sent back for
     * rework; published to written: withdrawn). Anything else is refused with a message and changes nothing.
     */
    @Transactional
    public ColumnPieceView move(long pieceId, PieceMove move) {
        CurrentUser user = scope.require();
        ColumnPiece p = visible(pieceId);
        ColumnIssue issue = issues.findById(p.getIssueId()).orElseThrow(() -> new NotFoundException("issue", pieceId));
        if (move == null || move.target() == null) {
            throw new InvalidInputException(List.of(new FieldProblem("target", "validation.required")));
        }
        if (move.version() != null && move.version() != p.getVersion()) {
            throw new UserFacingException("outreach.piece.stale");
        }
        PieceState from = p.getState();
        PieceState to = move.target();
        if (from == to) {
            throw new UserFacingException("outreach.piece.move.same." + to.name());
        }
        if (!from.next().contains(to)) {
            throw new UserFacingException(from == PieceState.PLANNED ? "outreach.piece.move.notWritten"
                    : "outreach.piece.move.withdrawFirst");
        }
        String reason = TeamService.blankToNull(move.reason());
        List<FieldProblem> problems = new ArrayList<>();
        if (from.isBackTo(to) && reason == null) {
            problems.add(new FieldProblem("reason", "outreach.piece.move.reasonRequired"));
        }
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "validation.tooLong", MAX_REASON));
        }
        LocalDate publishedOn = null;
        if (to == PieceState.PUBLISHED) {
            publishedOn = move.publishedOn() != null ? move.publishedOn() : issue.getIssueDate();
            if (publishedOn.isAfter(LocalDate.now(EventService.ZONE))) {
                problems.add(new FieldProblem("publishedOn", "outreach.piece.publishedOn.future"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (to == PieceState.WRITTEN && from == PieceState.PLANNED && p.getFileId() == null) {
            throw new UserFacingException("outreach.piece.move.noArticle");
        }
        p.moveTo(to, reason, publishedOn);
        pieces.flush();
        log.save(new ColumnPieceLog(pieceId, from, to, reason, user.username()));
        if (to == PieceState.PUBLISHED) {
            publisher.publishEvent(new ColumnArticlePublished(pieceId, p.getUnitId(), p.getAuthorPersonId(),
                    publishedOn));
        } else if (from == PieceState.PUBLISHED) {
            publisher.publishEvent(new ColumnArticleRetracted(pieceId));
        }
        audit.record(AuditAction.UPDATE, "column_piece", pieceId, AuditOutcome.SUCCESS,
                from + "->" + to + (reason == null ? "" : " " + reason));
        return p.toView(issue);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Checked(ColumnIssue issue, String topic, PersonDetail author) {
    }

    private Checked check(ColumnPieceForm form, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        ColumnIssue issue = form.issueId() == null ? null : issues.findById(form.issueId())
                .filter(i -> scope.within(user, i.getUnitPath())).orElse(null);
        if (issue == null) {
            problems.add(new FieldProblem("issueId", form.issueId() == null ? "validation.required" : "validation.invalid"));
        }
        String topic = TeamService.blankToNull(form.topic());
        if (topic == null) {
            problems.add(new FieldProblem("topic", "validation.required"));
        } else if (topic.length() > MAX_TOPIC) {
            problems.add(new FieldProblem("topic", "validation.tooLong", MAX_TOPIC));
        }
        Optional<PersonDetail> author = scope.person(form.authorPersonId());
        if (author.isEmpty()) {
            problems.add(new FieldProblem("authorPersonId",
                    form.authorPersonId() == null ? "validation.required" : "validation.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(issue, topic, author.get());
    }

    private ColumnPiece attachable(long pieceId) {
        ColumnPiece p = visible(pieceId);
        if (p.getState() == PieceState.PUBLISHED) {
            throw new UserFacingException("outreach.piece.publishedLocked");
        }
        return p;
    }

    private ColumnPiece visible(long pieceId) {
        CurrentUser user = scope.require();
        return pieces.findById(pieceId).filter(p -> scope.within(user, p.getUnitPath()))
                .orElseThrow(() -> new NotFoundException("column piece", pieceId));
    }

    /** Whether the user may read the file: an article of a piece in their scope (for the files module). */
    @Transactional(readOnly = true)
    boolean articleReadable(long fileId, CurrentUser user) {
        if (!user.has(cn.hongxin.security.Permission.OUTREACH_EDIT)) {
            return false;
        }
        String prefix = scope.prefix(user);
        return pieces.findByFileId(fileId).stream().anyMatch(p -> p.getUnitPath().startsWith(prefix));
    }
}
