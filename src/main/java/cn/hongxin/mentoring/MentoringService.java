package cn.hongxin.mentoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.PersonPlacement;
import cn.hongxin.organisation.PersonCard;
import cn.hongxin.organisation.PersonDirectory;
import cn.hongxin.organisation.PersonPlacements;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.FieldCipher;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * Mentoring pairs (一带一帮一). A secretary with mentoring:manage forms, follows and closes the pairs whose lead
 * teacher's branch lies in their data scope; the pair's two teachers keep its record (help records,
 * check-ins). Care needs, goals, help records, check-in notes and the closing outcome are encrypted with the
 * {@link FieldCipher} and readable only by the pair's two teachers and the secretaries whose scope covers the
 * lead's branch; every such read is audited, and so is every refused one. Anybody else is told the pair does
 * not exist. Lists carry no narrative text; a mentored student sees only the teachers and the meeting dates.
 */
@Service
public class MentoringService {

    /** Help records a lead is asked for each month (the default programme's HELP_RECORDS_MONTHLY). */
    public static final int MONTHLY_HELP_RECORDS = 2;
    public static final int GOALS_MAX = 1000;
    public static final int CONTENT_MAX = 1000;
    public static final int NEXT_STEP_MAX = 500;
    public static final int NOTE_MAX = 500;
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String PAIR = "mentoring_pair";

    private final PairStore store;
    private final PersonDirectory directory;
    private final PersonPlacements placements;
    private final CurrentUsers currentUsers;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    MentoringService(PairStore store, PersonDirectory directory, PersonPlacements placements,
                     CurrentUsers currentUsers, FieldCipher cipher, AuditTrail audit, ApplicationEventPublisher events,
                     PlatformTransactionManager transactionManager) {
        this.store = store;
        this.directory = directory;
        this.placements = placements;
        this.currentUsers = currentUsers;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- the secretary's list and forming pairs ---------------------------------------------------

    /**
     * Pairs in the caller's scope (by the lead's branch), newest first, filtered by a name (student, lead or
     * partner), a state and "overdue only".
     */
    @Transactional(readOnly = true)
    public Page<PairRow> search(String q, PairState state, boolean overdueOnly, int page, int size) {
        CurrentUser user = currentUsers.require(Permission.MENTORING_MANAGE);
        String term = q == null ? "" : q.strip();
        List<StoredPair> found = store.pairsWithin(placements.scopePrefix(user)).stream()
                .filter(p -> state == null || p.state() == state)
                .filter(p -> term.isEmpty() || p.studentName().contains(term) || p.leadName().contains(term)
                        || p.partnerName().contains(term))
                .toList();
        List<PairRow> rows = rows(found).stream().filter(r -> !overdueOnly || r.overdue()).toList();
        int s = Math.min(Math.max(size, 1), 200);
        int p = Math.max(page, 0);
        int from = Math.min(p * s, rows.size());
        return new PageImpl<>(rows.subList(from, Math.min(from + s, rows.size())), PageRequest.of(p, s), rows.size());
    }

    /**
     * The people a secretary may pair: the party-member teachers of teachers' branches in scope, and the students
     * and non-member teachers around that scope (for a branch secretary, those of the general branch holding
     * the branch: students and non-member teachers are never in a teachers' branch). Names and units only.
     */
    @Transactional(readOnly = true)
    public PairFormChoices formChoices() {
        CurrentUser user = currentUsers.require(Permission.MENTORING_MANAGE);
        String prefix = placements.scopePrefix(user);
        List<PersonCard> teachers = directory.neighbourhood(Permission.MENTORING_MANAGE, PersonType.TEACHER);
        return new PairFormChoices(
                directory.neighbourhood(Permission.MENTORING_MANAGE, PersonType.STUDENT).stream()
                        .map(MentoringService::choice).toList(),
                teachers.stream().filter(t -> mayLead(t, prefix)).map(MentoringService::choice).toList(),
                teachers.stream().filter(t -> !t.partyMember()).map(MentoringService::choice).toList(),
                directory.neighbourhoodUnits(Permission.MENTORING_MANAGE, EnumSet.of(OrgUnitType.TEACHING_OFFICE))
                        .stream().map(u -> new PairFormChoices.Choice(u.id(), u.name(), null)).toList());
    }

    /**
     * Proposes leads and partners for a student: party-member and non-member teachers of the teaching office
     * chosen (or else of the student's department, or else around the caller's scope), fewest open pairs first.
     * Leads are only those the caller may pair (of a teachers' branch in scope).
     */
    @Transactional(readOnly = true)
    public PairSuggestions suggest(long studentPersonId, Long teachingOfficeId) {
        CurrentUser user = currentUsers.require(Permission.MENTORING_MANAGE);
        PersonCard student = directory.find(Permission.MENTORING_MANAGE, studentPersonId)
                .orElseThrow(() -> new NotFoundException("person", studentPersonId));
        if (student.personType() != PersonType.STUDENT) {
            throw new UserFacingException("mentoring.student.notStudent", student.name());
        }
        List<PersonCard> around = directory.neighbourhood(Permission.MENTORING_MANAGE, PersonType.TEACHER);
        List<PersonCard> teachers;
        if (teachingOfficeId != null) {
            teachers = around.stream().filter(t -> teachingOfficeId.equals(t.adminUnitId())).toList();
        } else {
            teachers = student.departmentId() == null ? List.of()
                    : around.stream().filter(t -> student.departmentId().equals(t.departmentId())).toList();
            if (teachers.isEmpty()) {
                teachers = around;
            }
        }
        String prefix = placements.scopePrefix(user);
        Map<Long, Long> load = store.openLoad();
        Comparator<PairSuggestions.Candidate> order = Comparator.comparingLong(PairSuggestions.Candidate::openPairs)
                .thenComparing(PairSuggestions.Candidate::name);
        List<PairSuggestions.Candidate> leads = teachers.stream()
                .filter(t -> mayLead(t, prefix))
                .map(t -> new PairSuggestions.Candidate(t.id(), t.name(), t.adminUnitName(), load.getOrDefault(t.id(), 0L)))
                .sorted(order).limit(5).toList();
        List<PairSuggestions.Candidate> partners = teachers.stream()
                .filter(t -> !t.partyMember())
                .map(t -> new PairSuggestions.Candidate(t.id(), t.name(), t.adminUnitName(), load.getOrDefault(t.id(), 0L)))
                .sorted(order).limit(5).toList();
        return new PairSuggestions(student.id(), student.name(), student.adminUnitName(), leads, partners);
    }

    /** A party-member teacher of a teachers' (or mixed) branch inside the scope. */
    private static boolean mayLead(PersonCard t, String scopePrefix) {
        return t.personType() == PersonType.TEACHER && t.partyMember()
                && (t.branchKind() == BranchKind.TEACHERS || t.branchKind() == BranchKind.MIXED)
                && t.partyPath() != null && t.partyPath().startsWith(scopePrefix);
    }

    /**
     * Forms a pair. Refused field by field (nothing saved) unless the student is a student without an open
     * pair, the lead a party member (full or probationary) teacher of a teachers' branch in the caller's scope,
     * and the partner a teacher who is not a party member; care needs, goals and the start date are required.
     */
    @Transactional
    public long form(NewPair cmd) {
        CurrentUser user = currentUsers.require(Permission.MENTORING_MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        PersonCard student = person(cmd.studentPersonId(), "studentPersonId", "mentoring.student.required", problems);
        PersonCard lead = person(cmd.leadPersonId(), "leadPersonId", "mentoring.lead.required", problems);
        PersonCard partner = person(cmd.partnerPersonId(), "partnerPersonId", "mentoring.partner.required", problems);
        if (student != null) {
            if (student.personType() != PersonType.STUDENT) {
                problems.add(new FieldProblem("studentPersonId", "mentoring.student.notStudent", student.name()));
            } else if (store.studentHasOpenPair(student.id())) {
                problems.add(new FieldProblem("studentPersonId", "mentoring.student.alreadyPaired", student.name()));
            }
        }
        String branchPath = null;
        if (lead != null) {
            if (lead.personType() != PersonType.TEACHER) {
                problems.add(new FieldProblem("leadPersonId", "mentoring.lead.notTeacher", lead.name()));
            } else if (lead.politicalStatus() == null || !lead.politicalStatus().partyMember()) {
                problems.add(new FieldProblem("leadPersonId", "mentoring.lead.notMember", lead.name()));
            } else {
                BranchKind kind = lead.branchKind();
                branchPath = lead.partyPath();
                if (kind != BranchKind.TEACHERS && kind != BranchKind.MIXED || branchPath == null) {
                    problems.add(new FieldProblem("leadPersonId", "mentoring.lead.notTeachersBranch", lead.name()));
                } else if (!branchPath.startsWith(placements.scopePrefix(user))) {
                    problems.add(new FieldProblem("leadPersonId", "mentoring.lead.outOfScope", lead.name()));
                }
            }
        }
        if (partner != null) {
            if (partner.personType() != PersonType.TEACHER) {
                problems.add(new FieldProblem("partnerPersonId", "mentoring.partner.notTeacher", partner.name()));
            } else if (partner.politicalStatus() != null && partner.politicalStatus().partyMember()) {
                problems.add(new FieldProblem("partnerPersonId", "mentoring.partner.member", partner.name()));
            }
        }
        Set<CareNeed> needs = EnumSet.noneOf(CareNeed.class);
        if (cmd.careNeeds() != null) {
            cmd.careNeeds().stream().filter(java.util.Objects::nonNull).forEach(needs::add);
        }
        if (needs.isEmpty()) {
            problems.add(new FieldProblem("careNeeds", "mentoring.careNeeds.required"));
        }
        String goals = text(cmd.goals(), "goals", GOALS_MAX, true, problems);
        LocalDate today = today();
        if (cmd.startedOn() == null) {
            problems.add(new FieldProblem("startedOn", "mentoring.date.required"));
        } else if (cmd.startedOn().isAfter(today.plusDays(30))) {
            problems.add(new FieldProblem("startedOn", "mentoring.startedOn.tooLate"));
        } else if (cmd.startedOn().isBefore(today.minusYears(2))) {
            problems.add(new FieldProblem("startedOn", "mentoring.date.tooOld"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String needsText = needs.stream().map(Enum::name).collect(Collectors.joining(","));
        long id = store.insertPair(new StoredPair(0, lead.id(), lead.name(), branchPath, lead.branchName(),
                partner.id(), partner.name(), student.id(), student.name(), student.adminUnitName(),
                cipher.encrypt(needsText), cipher.encrypt(goals), cmd.startedOn(), PairState.OPEN, null, null, null),
                user.username());
        audit.record(AuditAction.CREATE, PAIR, id, AuditOutcome.SUCCESS,
                "lead " + lead.id() + ", partner " + partner.id() + ", student " + student.id());
        return id;
    }

    /** The person as forming needs them: active and around the caller's scope, else "not found" on the field. */
    private PersonCard person(Long id, String field, String requiredKey, List<FieldProblem> problems) {
        if (id == null) {
            problems.add(new FieldProblem(field, requiredKey));
            return null;
        }
        Optional<PersonCard> p = directory.find(Permission.MENTORING_MANAGE, id);
        if (p.isEmpty()) {
            problems.add(new FieldProblem(field, "mentoring.person.notFound"));
            return null;
        }
        return p.get();
    }

    /** Closes an open pair (its lead or a responsible secretary); the outcome text is encrypted. */
    @Transactional
    public void close(long pairId, PairClosure closure) {
        CurrentUser user = currentUsers.require();
        StoredPair pair = readable(pairId, user);
        if (!(manages(user, pair) || user.personId() != null && user.personId() == pair.leadPersonId())) {
            throw new AccessDeniedException("only the lead or a secretary closes a pair");
        }
        if (!pair.open()) {
            throw new UserFacingException("mentoring.pair.closed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (closure == null || closure.closedOn() == null) {
            problems.add(new FieldProblem("closedOn", "mentoring.date.required"));
        } else if (closure.closedOn().isAfter(today())) {
            problems.add(new FieldProblem("closedOn", "mentoring.date.future"));
        } else if (closure.closedOn().isBefore(pair.startedOn())) {
            problems.add(new FieldProblem("closedOn", "mentoring.date.beforeStart", pair.startedOn()));
        }
        if (closure == null || closure.outcomeKind() == null) {
            problems.add(new FieldProblem("outcomeKind", "mentoring.outcomeKind.required"));
        }
        String outcome = text(closure == null ? null : closure.outcome(), "outcome", GOALS_MAX, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (store.close(pairId, closure.closedOn(), closure.outcomeKind(), cipher.encrypt(outcome)) == 0) {
            throw new UserFacingException("mentoring.pair.closed");
        }
        audit.record(AuditAction.UPDATE, PAIR, pairId, AuditOutcome.SUCCESS, "closed " + closure.outcomeKind());
    }

    // ---- reading a pair ------------------------------------------------------------------------------

    /** The pair with its sensitive content in clear, for its teachers and responsible secretaries; audited. */
    @Transactional(readOnly = true)
    public PairDetail detail(long pairId) {
        CurrentUser user = currentUsers.require();
        StoredPair pair = readable(pairId, user);
        audit.record(AuditAction.REVEAL, PAIR, pairId, AuditOutcome.SUCCESS, "pair with help records and check-ins");
        PairRow row = rows(List.of(pair)).get(0);
        Set<CareNeed> needs = needs(cipher.decrypt(pair.careNeedsEnc()));
        return new PairDetail(row, needs, cipher.decrypt(pair.goalsEnc()),
                pair.outcomeKind() == null ? null : OutcomeKind.valueOf(pair.outcomeKind()),
                pair.outcomeEnc() == null ? null : cipher.decrypt(pair.outcomeEnc()),
                store.helpRecords(pairId).stream().map(this::view).toList(),
                store.checkIns(pairId).stream().map(this::view).toList(),
                pair.open() && pair.teacher(user.personId()),
                pair.open() && (manages(user, pair) || user.personId() != null && user.personId() == pair.leadPersonId()));
    }

    /** The pair's help records in clear, newest first; audited. */
    @Transactional(readOnly = true)
    public List<HelpRecordView> helpRecords(long pairId) {
        readable(pairId, currentUsers.require());
        audit.record(AuditAction.REVEAL, PAIR, pairId, AuditOutcome.SUCCESS, "help records");
        return store.helpRecords(pairId).stream().map(this::view).toList();
    }

    /** The pair's check-ins with their notes, newest first; audited. */
    @Transactional(readOnly = true)
    public List<CheckInView> checkIns(long pairId) {
        readable(pairId, currentUsers.require());
        audit.record(AuditAction.REVEAL, PAIR, pairId, AuditOutcome.SUCCESS, "check-ins");
        return store.checkIns(pairId).stream().map(this::view).toList();
    }

    /** Whether the signed-in account may read the pair's sensitive content (no audit: nothing is read). */
    @Transactional(readOnly = true)
    public boolean canRead(long pairId) {
        Optional<CurrentUser> user = currentUsers.current();
        return user.isPresent() && store.pair(pairId).filter(p -> mayRead(user.get(), p)).isPresent();
    }

    /** The signed-in person's pairs as a teacher, and as a student the teachers and meeting dates. */
    @Transactional(readOnly = true)
    public MyMentoring mine() {
        CurrentUser user = currentUsers.require();
        if (user.personId() == null) {
            return new MyMentoring(List.of(), List.of());
        }
        List<PairRow> teaching = rows(store.pairsOfTeacher(user.personId()));
        List<StudentPairView> mentored = store.pairsOfStudent(user.personId()).stream()
                .map(p -> new StudentPairView(p.id(), p.leadName(), p.partnerName(), p.startedOn(), p.state(),
                        store.helpDates(p.id())))
                .toList();
        return new MyMentoring(teaching, mentored);
    }

    // ---- the teachers' record --------------------------------------------------------------------------

    /**
     * Logs a help record of an open pair by one of its two teachers and publishes {@link HelpRecordLogged} (for
     * the lead, whoever wrote it). The same client request id again records nothing and answers the first.
     */
    public HelpRecordView logHelpRecord(long pairId, NewHelpRecord cmd) {
        CurrentUser user = currentUsers.require();
        StoredPair pair = transactions.execute(tx -> writable(pairId, user));
        String requestId = requestId(cmd == null ? null : cmd.clientRequestId());
        Optional<HelpRecordView> earlier = transactions.execute(tx -> store.helpRecordByRequest(pairId, requestId)
                .map(this::view));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<FieldProblem> problems = new ArrayList<>();
        date(cmd.date(), "date", pair, problems);
        if (cmd.mode() == null) {
            problems.add(new FieldProblem("mode", "mentoring.mode.required"));
        }
        String content = text(cmd.content(), "content", CONTENT_MAX, true, problems);
        String nextStep = text(cmd.nextStep(), "nextStep", NEXT_STEP_MAX, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NewHelpRecord clean = new NewHelpRecord(requestId, cmd.date(), cmd.mode(), content, nextStep);
        String author = placements.of(user.personId()).map(PersonPlacement::name).orElse(user.displayName());
        try {
            return transactions.execute(tx -> {
                long id = store.insertHelpRecord(pairId, clean, cipher.encrypt(content),
                        nextStep == null ? null : cipher.encrypt(nextStep), user.personId(), author);
                events.publishEvent(new HelpRecordLogged(id, pairId, pair.leadPersonId(), clean.date()));
                audit.record(AuditAction.CREATE, "mentoring_help_record", id, AuditOutcome.SUCCESS,
                        "pair " + pairId + ", " + clean.mode());
                return new HelpRecordView(id, pairId, clean.date(), clean.mode(), content, nextStep, user.personId(),
                        author);
            });
        } catch (DataIntegrityViolationException e) {
            return transactions.execute(tx -> store.helpRecordByRequest(pairId, requestId).map(this::view))
                    .orElseThrow(() -> e);
        }
    }

    /** Deletes a help record of an open pair (its author only) and publishes {@link HelpRecordRetracted}. */
    @Transactional
    public void deleteHelpRecord(long helpRecordId) {
        CurrentUser user = currentUsers.require();
        PairStore.StoredHelpRecord record = store.helpRecord(helpRecordId)
                .orElseThrow(() -> new NotFoundException("help record", helpRecordId));
        StoredPair pair = readable(record.pairId(), user);
        if (user.personId() == null || record.authorPersonId() != user.personId() || !pair.teacher(user.personId())) {
            throw new UserFacingException("mentoring.helpRecord.notAuthor");
        }
        if (!pair.open()) {
            throw new UserFacingException("mentoring.pair.closed");
        }
        store.deleteHelpRecord(helpRecordId);
        events.publishEvent(new HelpRecordRetracted(helpRecordId));
        audit.record(AuditAction.DELETE, "mentoring_help_record", helpRecordId, AuditOutcome.SUCCESS,
                "pair " + pair.id());
    }

    /**
     * Records a check-in of the student's state by one of the pair's teachers (scales 1 to 5; the overall score
     * is their mean) and publishes {@link CheckInRecorded}. Idempotent on the client request id.
     */
    public CheckInView recordCheckIn(long pairId, NewCheckIn cmd) {
        CurrentUser user = currentUsers.require();
        StoredPair pair = transactions.execute(tx -> writable(pairId, user));
        String requestId = requestId(cmd == null ? null : cmd.clientRequestId());
        Optional<CheckInView> earlier = transactions.execute(tx -> store.checkInByRequest(pairId, requestId)
                .map(this::view));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<FieldProblem> problems = new ArrayList<>();
        date(cmd.date(), "date", pair, problems);
        scale(cmd.study(), "study", problems);
        scale(cmd.mood(), "mood", problems);
        scale(cmd.dailyLife(), "dailyLife", problems);
        String note = text(cmd.note(), "note", NOTE_MAX, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BigDecimal score = BigDecimal.valueOf(cmd.study() + cmd.mood() + cmd.dailyLife())
                .divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
        NewCheckIn clean = new NewCheckIn(requestId, cmd.date(), cmd.study(), cmd.mood(), cmd.dailyLife(), note);
        try {
            return transactions.execute(tx -> {
                long id = store.insertCheckIn(pairId, clean, score, note == null ? null : cipher.encrypt(note),
                        user.personId());
                events.publishEvent(new CheckInRecorded(id, pairId, pair.studentPersonId(), clean.date(), score));
                audit.record(AuditAction.CREATE, "mentoring_check_in", id, AuditOutcome.SUCCESS, "pair " + pairId);
                return new CheckInView(id, pairId, clean.date(), clean.study(), clean.mood(), clean.dailyLife(), score,
                        note);
            });
        } catch (DataIntegrityViolationException e) {
            return transactions.execute(tx -> store.checkInByRequest(pairId, requestId).map(this::view))
                    .orElseThrow(() -> e);
        }
    }

    // ---- access ------------------------------------------------------------------------------------------

    private boolean manages(CurrentUser user, StoredPair pair) {
        return user.has(Permission.MENTORING_MANAGE) && pair.leadBranchPath().startsWith(placements.scopePrefix(user));
    }

    private boolean mayRead(CurrentUser user, StoredPair pair) {
        return pair.teacher(user.personId()) || manages(user, pair);
    }

    /** The pair, if the user may read it; otherwise the refusal is audited and the pair "does not exist". */
    private StoredPair readable(long pairId, CurrentUser user) {
        Optional<StoredPair> pair = store.pair(pairId);
        if (pair.isEmpty() || !mayRead(user, pair.get())) {
            audit.record(AuditAction.ACCESS_DENIED, PAIR, pairId, AuditOutcome.FAILURE, "not a reader of this pair");
            throw new NotFoundException("mentoring pair", pairId);
        }
        return pair.get();
    }

    /** The pair, if the user is one of its teachers and it is open. */
    private StoredPair writable(long pairId, CurrentUser user) {
        StoredPair pair = readable(pairId, user);
        if (!pair.teacher(user.personId())) {
            throw new UserFacingException("mentoring.write.notTeacher");
        }
        if (!pair.open()) {
            throw new UserFacingException("mentoring.pair.closed");
        }
        return pair;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private List<PairRow> rows(List<StoredPair> pairs) {
        LocalDate monthStart = today().withDayOfMonth(1);
        Map<Long, PairStore.HelpStats> stats = store.helpStats(pairs.stream().map(StoredPair::id).toList(), monthStart);
        return pairs.stream().map(p -> {
            PairStore.HelpStats s = stats.getOrDefault(p.id(), new PairStore.HelpStats(0, null));
            return new PairRow(p.id(), p.studentPersonId(), p.studentName(), p.studentUnitName(), p.leadPersonId(),
                    p.leadName(), p.leadUnitName(), p.partnerPersonId(), p.partnerName(), p.startedOn(), p.state(),
                    p.closedOn(), s.last(), s.thisMonth(), p.open() && s.thisMonth() < MONTHLY_HELP_RECORDS);
        }).toList();
    }

    private HelpRecordView view(PairStore.StoredHelpRecord r) {
        return new HelpRecordView(r.id(), r.pairId(), r.date(), r.mode(), cipher.decrypt(r.contentEnc()),
                r.nextStepEnc() == null ? null : cipher.decrypt(r.nextStepEnc()), r.authorPersonId(), r.authorName());
    }

    private CheckInView view(PairStore.StoredCheckIn c) {
        return new CheckInView(c.id(), c.pairId(), c.date(), c.study(), c.mood(), c.dailyLife(), c.score(),
                c.noteEnc() == null ? null : cipher.decrypt(c.noteEnc()));
    }

    private static Set<CareNeed> needs(String text) {
        Set<CareNeed> needs = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).forEach(s -> needs.add(CareNeed.valueOf(s.strip())));
        return needs;
    }

    private static PairFormChoices.Choice choice(PersonCard p) {
        return new PairFormChoices.Choice(p.id(), p.name(), p.adminUnitName());
    }

    /** Today in the organisation's time zone (the day help records and check-ins default to). */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static void date(LocalDate date, String field, StoredPair pair, List<FieldProblem> problems) {
        if (date == null) {
            problems.add(new FieldProblem(field, "mentoring.date.required"));
        } else if (date.isAfter(today())) {
            problems.add(new FieldProblem(field, "mentoring.date.future"));
        } else if (date.isBefore(pair.startedOn())) {
            problems.add(new FieldProblem(field, "mentoring.date.beforeStart", pair.startedOn()));
        }
    }

    private static void scale(Integer value, String field, List<FieldProblem> problems) {
        if (value == null || value < 1 || value > 5) {
            problems.add(new FieldProblem(field, "mentoring.scale.invalid"));
        }
    }

    private static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "mentoring." + field + ".required"));
            }
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            problems.add(new FieldProblem(field, "mentoring.text.tooLong", max));
        }
        return v;
    }

    private static String requestId(String value) {
        if (value == null || value.isBlank() || value.strip().length() > 64) {
            throw new InvalidInputException(List.of(new FieldProblem("clientRequestId", "mentoring.request.invalid")));
        }
        return value.strip();
    }
}
