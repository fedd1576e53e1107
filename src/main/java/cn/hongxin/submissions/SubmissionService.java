package cn.hongxin.submissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.organisation.PersonPlacement;
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
 * Submitting evidence and reviewing it. A member submits only for the person linked to their account;
 * a reviewer sees and reviews only the submissions of people in their data scope (others are "not
 * found"), never their own. Verdicts are published as events inside the reviewing transaction, so the
 * event publication registry delivers them exactly when the verdict commits.
 */
@Service
public class SubmissionService {

    public static final int NOTE_MIN_LENGTH = 30;
    public static final int ESSAY_MIN_LENGTH = 100;
    public static final int BODY_MAX_LENGTH = 4000;
    public static final BigDecimal MAX_HOURS_PER_DAY = new BigDecimal("24");
    public static final Set<String> POSTER_WINDOWS = Set.of("JULY_FIRST", "OCTOBER_FIRST");

    private static final Sort QUEUE_ORDER = Sort.by("createdAt", "id");

    private final SubmissionRepository submissions;
    private final PersonPlacements placements;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<FileStore> fileStore;
    private final TransactionTemplate transactions;

    SubmissionService(SubmissionRepository submissions, PersonPlacements placements, CurrentUsers currentUsers,
                      AuditTrail audit, ApplicationEventPublisher events, ObjectProvider<FileStore> fileStore,
                      PlatformTransactionManager transactionManager) {
        this.submissions = submissions;
        this.placements = placements;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.events = events;
        this.fileStore = fileStore;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- submitting ----------------------------------------------------------------------------

    /**
     * Records a submission of the signed-in member. The same {@code clientRequestId} sent again (a retry,
     * a double click, two racing requests) records nothing new and answers the first submission.
     */
    public SubmissionView submit(NewSubmission cmd) {
        CurrentUser user = currentUsers.require();
        long personId = personOf(user);
        String requestId = requestId(cmd == null ? null : cmd.clientRequestId());
        Optional<SubmissionView> earlier = byRequest(personId, requestId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        NewSubmission clean = check(cmd, user);
        PersonPlacement placement = placements.of(personId)
                .orElseThrow(() -> new UserFacingException("submission.noPerson"));
        try {
            return transactions.execute(tx -> insert(placement, requestId, clean));
        } catch (DataIntegrityViolationException e) {
            // Another request with the same id won the race: answer what it recorded.
            return byRequest(personId, requestId).orElseThrow(() -> e);
        }
    }

    /** The signed-in member's submission made with this request id, if any (so a retried upload is skipped). */
    public Optional<SubmissionView> findMine(String clientRequestId) {
        CurrentUser user = currentUsers.require();
        if (user.personId() == null || clientRequestId == null || clientRequestId.isBlank()) {
            return Optional.empty();
        }
        return byRequest(user.personId(), clientRequestId.strip());
    }

    /** Whether uploads can be stored (the files module may not be deployed). */
    public boolean fileStorageAvailable() {
        return fileStore.getIfAvailable() != null;
    }

    /** The signed-in member's submissions, newest first; empty for an account without a linked person. */
    @Transactional(readOnly = true)
    public List<SubmissionView> mine() {
        CurrentUser user = currentUsers.require();
        if (user.personId() == null) {
            return List.of();
        }
        return submissions.findByPersonIdOrderByCreatedAtDescIdDesc(user.personId()).stream()
                .map(Submission::toView).toList();
    }

    private SubmissionView insert(PersonPlacement placement, String requestId, NewSubmission cmd) {
        if (cmd.kind() == SubmissionKind.VOLUNTEER_HOURS) {
            BigDecimal already = submissions.hoursOn(placement.personId(), cmd.activityDate());
            if (already.add(cmd.hours()).compareTo(MAX_HOURS_PER_DAY) > 0) {
                throw new InvalidInputException(List.of(new FieldProblem("hours", "submission.hours.dayFull",
                        already.stripTrailingZeros().toPlainString())));
            }
        }
        Submission s = submissions.saveAndFlush(new Submission(placement.personId(), placement.name(),
                placement.unitName(), placement.branchPath(), placement.adminPath(), requestId, cmd));
        audit.record(AuditAction.CREATE, "submission", s.getId(), AuditOutcome.SUCCESS, cmd.kind().name());
        return s.toView();
    }

    private Optional<SubmissionView> byRequest(long personId, String requestId) {
        return Optional.ofNullable(transactions.execute(tx -> submissions
                .findByPersonIdAndClientRequestId(personId, requestId).map(Submission::toView).orElse(null)));
    }

    private static long personOf(CurrentUser user) {
        if (user.personId() == null) {
            throw new UserFacingException("submission.noPerson");
        }
        return user.personId();
    }

    private static String requestId(String value) {
        if (value == null || value.isBlank() || value.strip().length() > 64) {
            throw new InvalidInputException(List.of(new FieldProblem("clientRequestId", "submission.request.invalid")));
        }
        return value.strip();
    }

    /** The command with its text stripped, or every problem at once. */
    private NewSubmission check(NewSubmission cmd, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        if (cmd.kind() == null) {
            throw new InvalidInputException(List.of(new FieldProblem("kind", "submission.kind.required")));
        }
        String title = text(cmd.title(), "title", 200, problems);
        String bookTitle = text(cmd.bookTitle(), "bookTitle", 200, problems);
        String author = text(cmd.bookAuthor(), "bookAuthor", 100, problems);
        String body = text(cmd.body(), "body", BODY_MAX_LENGTH, problems);
        LocalDate date = cmd.activityDate();
        if (date == null) {
            problems.add(new FieldProblem("activityDate", "submission.date.required"));
        } else if (date.isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("activityDate", "submission.date.future"));
        } else if (date.isBefore(LocalDate.now().minusYears(2))) {
            problems.add(new FieldProblem("activityDate", "submission.date.tooOld"));
        }
        Long fileId = null;
        BigDecimal hours = null;
        String window = null;
        switch (cmd.kind()) {
            case READING_NOTE -> {
                required(bookTitle, "bookTitle", problems);
                required(author, "bookAuthor", problems);
                if (body == null || body.codePointCount(0, body.length()) < NOTE_MIN_LENGTH) {
                    problems.add(new FieldProblem("body", "submission.note.tooShort", NOTE_MIN_LENGTH));
                }
            }
            case POSTER -> {
                fileId = file(cmd.fileId(), user, true, problems);
                if (cmd.windowCode() != null && !cmd.windowCode().isBlank()) {
                    window = cmd.windowCode().strip();
                    if (!POSTER_WINDOWS.contains(window)) {
                        problems.add(new FieldProblem("windowCode", "submission.window.invalid"));
                    }
                }
            }
            case ESSAY -> {
                required(title, "title", problems);
                if (cmd.fileId() != null) {
                    fileId = file(cmd.fileId(), user, false, problems);
                } else if (body == null || body.codePointCount(0, body.length()) < ESSAY_MIN_LENGTH) {
                    problems.add(new FieldProblem("body", "submission.essay.textOrFile", ESSAY_MIN_LENGTH));
                }
            }
            case POEM -> required(title, "title", problems);
            case VOLUNTEER_HOURS -> {
                required(body, "body", problems);
                hours = cmd.hours();
                if (hours == null) {
                    problems.add(new FieldProblem("hours", "submission.hours.required"));
                } else if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS_PER_DAY) > 0) {
                    problems.add(new FieldProblem("hours", "submission.hours.range"));
                } else if (hours.stripTrailingZeros().scale() > 2) {
                    problems.add(new FieldProblem("hours", "submission.hours.precision"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NewSubmission(cmd.clientRequestId(), cmd.kind(), title, bookTitle, author, body, fileId, hours,
                date, window, cmd.eventId());
    }

    private Long file(Long fileId, CurrentUser user, boolean image, List<FieldProblem> problems) {
        if (fileId == null) {
            problems.add(new FieldProblem("file", "submission.file.required"));
            return null;
        }
        FileStore store = fileStore.getIfAvailable();
        if (store == null) {
            throw new UserFacingException("submission.files.unavailable");
        }
        Optional<StoredFile> file = store.find(fileId);
        if (file.isEmpty() || (file.get().ownerAccountId() != null && file.get().ownerAccountId() != user.accountId())
                || (image && !file.get().image())) {
            problems.add(new FieldProblem("file", image ? "submission.file.notPhoto" : "submission.file.invalid"));
            return null;
        }
        return fileId;
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            problems.add(new FieldProblem(field, "submission.text.tooLong", max));
        }
        return v;
    }

    private static void required(String value, String field, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "submission.field.required"));
        }
    }

    // ---- reviewing -----------------------------------------------------------------------------

    /** The review queue: submissions of people in the reviewer's scope matching the filters, oldest first. */
    @Transactional(readOnly = true)
    public Page<SubmissionView> pending(SubmissionQuery query, int page, int size) {
        CurrentUser user = currentUsers.require(Permission.SUBMISSION_REVIEW);
        String prefix = placements.scopePrefix(user);
        Specification<Submission> spec = under(prefix);
        SubmissionQuery q = query == null ? SubmissionQuery.pending() : query;
        if (q.unitId() != null) {
            // Any unit narrows the queue (the scope filter above still applies): a branch secretary may pick
            // a class that lies beside their branch, as on the people page.
            spec = spec.and(under(placements.pathWithin(q.unitId(), "").orElse("/none/")));
        }
        if (q.kind() != null) {
            spec = spec.and((root, cq, cb) -> cb.equal(root.get("kind"), q.kind()));
        }
        if (q.state() != null) {
            spec = spec.and((root, cq, cb) -> cb.equal(root.get("state"), q.state()));
        }
        return submissions.findAll(spec, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
                QUEUE_ORDER)).map(Submission::toView);
    }

    /** One submission of a person in the reviewer's scope. */
    @Transactional(readOnly = true)
    public SubmissionView get(long id) {
        CurrentUser user = currentUsers.require(Permission.SUBMISSION_REVIEW);
        return load(id, user).toView();
    }

    /** 通过. Verifying a verified submission again changes nothing. */
    @Transactional
    public SubmissionView verify(long id) {
        CurrentUser user = currentUsers.require(Permission.SUBMISSION_REVIEW);
        Submission s = loadForReview(id, user);
        if (s.getState() == SubmissionState.VERIFIED) {
            return s.toView();
        }
        s.verify(user.personId(), user.username());
        events.publishEvent(new SubmissionVerified(s.getId(), s.getPersonId(), s.getKind(), s.getActivityDate(),
                s.getWindowCode()));
        if (s.getKind() == SubmissionKind.VOLUNTEER_HOURS) {
            events.publishEvent(new VolunteerHoursVerified(s.getId(), s.getPersonId(), s.getHours(),
                    s.getActivityDate()));
        }
        submissions.flush();
        audit.record(AuditAction.UPDATE, "submission", id, AuditOutcome.SUCCESS, "verified " + s.getKind());
        return s.toView();
    }

    /** 退回 with a reason; sending back a verified submission also publishes a {@link SubmissionRetracted}. */
    @Transactional
    public SubmissionView reject(long id, String reason) {
        CurrentUser user = currentUsers.require(Permission.SUBMISSION_REVIEW);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "submission.reason.required")));
        }
        if (why.length() > 500) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "submission.text.tooLong", 500)));
        }
        Submission s = loadForReview(id, user);
        if (s.getState() == SubmissionState.REJECTED) {
            return s.toView();
        }
        boolean wasVerified = s.getState() == SubmissionState.VERIFIED;
        s.reject(user.personId(), user.username(), why);
        if (wasVerified) {
            events.publishEvent(new SubmissionRetracted(s.getId(), s.getPersonId(), s.getKind(), s.getActivityDate(),
                    s.getWindowCode(), s.getHours()));
        }
        events.publishEvent(new SubmissionRejected(s.getId(), s.getPersonId(), s.getKind(), s.getActivityDate(),
                s.getWindowCode(), why));
        submissions.flush();
        audit.record(AuditAction.UPDATE, "submission", id, AuditOutcome.SUCCESS,
                (wasVerified ? "retracted " : "rejected ") + s.getKind() + ": " + why);
        return s.toView();
    }

    private Submission loadForReview(long id, CurrentUser user) {
        Submission s = load(id, user);
        if (user.personId() != null && user.personId() == s.getPersonId()) {
            audit.record(AuditAction.UPDATE, "submission", id, AuditOutcome.DENIED, "own submission");
            throw new UserFacingException("submission.review.own");
        }
        return s;
    }

    private Submission load(long id, CurrentUser user) {
        String prefix = placements.scopePrefix(user);
        return submissions.findOne(under(prefix).and((root, q, cb) -> cb.equal(root.get("id"), id)))
                .orElseThrow(() -> new NotFoundException("submission", id));
    }

    /** Submissions of people whose party unit or administrative unit lay in the subtree at {@code prefix}. */
    static Specification<Submission> under(String prefix) {
        return (root, query, cb) -> {
            if (prefix == null || prefix.isEmpty()) {
                return cb.conjunction();
            }
            return cb.or(cb.like(root.get("branchPath"), prefix + "%"), cb.like(root.get("adminPath"), prefix + "%"));
        };
    }

    // ---- for the API ---------------------------------------------------------------------------

    /**
     * 撤回: the submitter withdraws a submission that nobody has reviewed yet, and it is deleted. A verified
     * or sent-back submission stays; another person's submission is not found.
     */
    @Transactional
    public void retract(long id) {
        CurrentUser user = currentUsers.require();
        Submission s = submissions.findById(id)
                .filter(x -> user.personId() != null && x.getPersonId() == user.personId())
                .orElseThrow(() -> new NotFoundException("submission", id));
        if (s.getState() != SubmissionState.SUBMITTED) {
            throw new UserFacingException("submission.retract.reviewed");
        }
        submissions.delete(s);
        submissions.flush();
        audit.record(AuditAction.DELETE, "submission", id, AuditOutcome.SUCCESS, "retracted " + s.getKind());
    }
}
