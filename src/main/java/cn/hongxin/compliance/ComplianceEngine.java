package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.EvidenceSelector;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.organisation.CalendarPeriodView;
import cn.hongxin.shared.NotFoundException;

/**
 * The requirement engine. {@link #evaluate} evaluates one requirement for all its subjects in an org subtree in
 * one SQL statement over the evidence table (for people, its monthly tally and the days of partial months)
 * and the organisation's read-model views (subject_person,
 * subject_post, subject_unit), on H2 and PostgreSQL alike. Evidence counts when it is of one of the requirement's
 * selectors, dated inside the window (or else the period) and not after the day evaluated as of.
 * {@link #evaluateAll} evaluates many requirements in two statements, one for all the person requirements and one
 * for all the unit requirements; each requirement is still evaluated for all its subjects by set-based SQL, as a
 * branch of the statement (H2) or as columns of a row per person (PostgreSQL, {@link #pivotStatement}).
 * <p>
 * Subjects: PERSON, each active person in the scope whose party or administrative unit lies in the scope unit's
 * subtree and who passes the filters (political status, person type, a post held on that day); PARTY_LEADER,
 * the same restricted to party leaders; BRANCH, each branch in the scope, counting evidence of any unit inside
 * it; ORGANISATION, the scope's unit itself, counting evidence of any unit inside. A scope without a unit means
 * the evaluated subtree. Verdicts: MET when the count (or sum of hours) reaches the threshold, else NOT_YET_DUE
 * before the window opens, BEHIND while it is open, MISSED after it closed.
 * <p>
 * No permission is checked here; callers apply the data scope by the subtree they pass.
 */
@Service
public class ComplianceEngine {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ComplianceEngine.class);

    /** Person requirements in a batch from which PostgreSQL's statement is cut in two, one half on each core. */
    static final int SPLIT_FROM = 4;

    private final JdbcClient jdbc;
    private final CompliancePeriods periods;
    private final TransactionTemplate sideTransactions;
    /**
     * Runs the second half of a large batch on a connection of its own while the caller's thread runs the first
     * (PostgreSQL, read-only transactions only); one such half at a time in the whole application, so an evaluation
     * never holds more than one extra connection and never waits for one behind another evaluation.
     */
    private final ExecutorService side = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compliance-engine");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore sideFree = new Semaphore(1);

    ComplianceEngine(JdbcClient jdbc, CompliancePeriods periods, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.sideTransactions = new TransactionTemplate(transactions);
        this.sideTransactions.setReadOnly(true);
        this.sideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @PreDestroy
    void stop() {
        side.shutdownNow();
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = jdbc.sql("select 1").query((java.sql.ResultSet rs) -> {
                try {
                    return rs.getStatement().getConnection().getMetaData().getDatabaseProductName()
                            .toLowerCase(java.util.Locale.ROOT).contains("postgres");
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
            postgres = p;
        }
        return p;
    }

    /** The requirement's period containing {@code date}, if the calendar has one. */
    public Optional<Period> periodOf(RequirementDefinition requirement, LocalDate date) {
        return periods.containing(requirement.period(), date);
    }

    /** Evaluates the requirement in the period containing {@code asOf}; empty when the calendar has none. */
    @Transactional(readOnly = true)
    public Optional<RequirementEvaluation> evaluate(RequirementDefinition requirement, long subtreeUnitId,
                                                    LocalDate asOf) {
        return periodOf(requirement, asOf).map(p -> evaluate(requirement, p, subtreeUnitId, asOf));
    }

    /** Every subject's verdict on the requirement in {@code period}, as of {@code asOf}, in one statement. */
    @Transactional(readOnly = true)
    public RequirementEvaluation evaluate(RequirementDefinition requirement, Period period, long subtreeUnitId,
                                          LocalDate asOf) {
        return evaluate(requirement, frame(requirement, period), paths(requirement, subtreeUnitId), asOf);
    }

    private RequirementEvaluation evaluate(RequirementDefinition requirement, Frame frame, Paths paths, LocalDate asOf) {
        return evaluate(List.of(new Job(0, requirement, frame, paths)), asOf).get(0);
    }

    /** One requirement of a batch: its number in the statement, its dates and its paths. */
    private record Job(int index, RequirementDefinition requirement, Frame frame, Paths paths) {

        boolean persons() {
            return requirement.subject() == SubjectKind.PERSON || requirement.subject() == SubjectKind.PARTY_LEADER;
        }

        boolean hours() {
            return requirement.quantity() == QuantityKind.SUM_HOURS;
        }
    }

    /**
     * Evaluates a batch of requirements: one statement for all the person requirements, one for all the unit
     * requirements; each requirement is a branch of the statement's union, evaluated for all its subjects.
     */
    private List<RequirementEvaluation> evaluate(List<Job> jobs, LocalDate asOf) {
        List<List<SubjectVerdict>> subjects = new ArrayList<>();
        List<Job> persons = new ArrayList<>();
        List<Job> units = new ArrayList<>();
        for (Job job : jobs) {
            subjects.add(new ArrayList<>());
            if (job.frame().applicable()) {
                (job.persons() ? persons : units).add(job);
            }
        }
        if (!persons.isEmpty()) {
            if (postgres()) {
                // The outer grouping holds a row per requirement and subject (188,000 for a university's
                // programme); with the default 4 MB it spills to disk. For this read-only transaction only.
                jdbc.sql("set local work_mem = '64MB'").update();
            }
            if (postgres()) {
                readPivot(persons, subjects, asOf);
            } else {
                read(personStatement(persons, asOf, false), jobs, subjects, SubjectType.PERSON, asOf);
            }
        }
        if (!units.isEmpty()) {
            StringBuilder sql = new StringBuilder();
            for (Job job : units) {
                if (!sql.isEmpty()) {
                    sql.append(" union all ");
                }
                sql.append(unitStatement(job, asOf, false));
            }
            read(sql.toString(), jobs, subjects, SubjectType.UNIT, asOf);
        }
        List<RequirementEvaluation> result = new ArrayList<>();
        for (Job job : jobs) {
            Frame frame = job.frame();
            result.add(new RequirementEvaluation(job.requirement(), frame.period(), frame.opensOn(), frame.closesOn(),
                    asOf, frame.applicable(), subjects.get(job.index())));
        }
        return result;
    }

    /** Runs a batch statement (columns req, subject_id, branch_id, n, total) and sorts its rows by requirement. */
    private void read(String sql, List<Job> jobs, List<List<SubjectVerdict>> subjects, SubjectType type,
                      LocalDate asOf) {
        log.debug("{}: {}", jobs.size() == 1 ? jobs.get(0).requirement().code() : jobs.size() + " requirements", sql);
        Verdict[] unmet = new Verdict[jobs.size()];
        for (Job job : jobs) {
            unmet[job.index()] = job.frame().unmet(asOf);
        }
        jdbc.sql(sql).query((ResultSet rs) -> {
            Job job = jobs.get(rs.getInt("req"));
            long count = rs.getLong("n");
            BigDecimal total = job.hours() ? rs.getBigDecimal("total") : BigDecimal.valueOf(count);
            BigDecimal progress = job.hours() ? total : BigDecimal.valueOf(count);
            long branch = rs.getLong("branch_id");
            Long branchId = rs.wasNull() ? null : branch;
            subjects.get(job.index()).add(new SubjectVerdict(type, rs.getLong("subject_id"), branchId, count, total,
                    progress, progress.compareTo(job.requirement().threshold()) >= 0 ? Verdict.MET
                    : unmet[job.index()]));
        });
    }

    /**
     * PostgreSQL: evaluates the person requirements by {@link #pivotStatement}. A batch of {@link #SPLIT_FROM} or
     * more, in a read-only transaction, is cut in two halves of about equal expected work; the second half runs on
     * its own connection (a read-only transaction of its own) while this thread runs the first, so a whole
     * university's programme uses both cores of a small server. Each requirement is still evaluated by one
     * statement. Without a free side thread, or inside a transaction that writes (whose changes another connection
     * would not see), the batch runs here in one statement.
     */
    private void readPivot(List<Job> persons, List<List<SubjectVerdict>> subjects, LocalDate asOf) {
        if (persons.size() < SPLIT_FROM || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                || !sideFree.tryAcquire()) {
            readPivot(pivotStatement(persons, asOf), persons, subjects, asOf);
            return;
        }
        List<List<Job>> halves = halves(persons, asOf);
        Future<?> second;
        try {
            second = side.submit(() -> {
                try {
                    sideTransactions.executeWithoutResult(status -> {
                        jdbc.sql("set local work_mem = '64MB'").update();
                        readPivot(pivotStatement(halves.get(1), asOf), halves.get(1), subjects, asOf);
                    });
                } finally {
                    sideFree.release();
                }
            });
        } catch (RejectedExecutionException e) {
            sideFree.release();
            readPivot(pivotStatement(persons, asOf), persons, subjects, asOf);
            return;
        }
        try {
            readPivot(pivotStatement(halves.get(0), asOf), halves.get(0), subjects, asOf);
        } finally {
            try {
                second.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating requirements", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Two halves of a batch of person requirements, of about equal expected work: the largest first, each to the
     * lighter half. The expected work of a requirement is what it reads: months of the tally and days of the
     * evidence, per kind of evidence it counts.
     */
    static List<List<Job>> halves(List<Job> jobs, LocalDate asOf) {
        List<Job> sorted = new ArrayList<>(jobs);
        Map<Job, Double> work = new java.util.IdentityHashMap<>();
        for (Job job : jobs) {
            double w = 1;
            for (Slice slice : slices(job.frame(), asOf)) {
                w += slice.months()
                        ? 4.0 * (java.time.temporal.ChronoUnit.MONTHS.between(slice.from(), slice.to()) + 1)
                        : (slice.to().toEpochDay() - slice.from().toEpochDay() + 1) / 7.0;
            }
            work.put(job, w * Math.max(1, job.requirement().evidence().size()));
        }
        sorted.sort((a, b) -> Double.compare(work.get(b), work.get(a)));
        List<List<Job>> halves = List.of(new ArrayList<>(), new ArrayList<>());
        double[] load = new double[2];
        for (Job job : sorted) {
            int lighter = load[0] <= load[1] ? 0 : 1;
            halves.get(lighter).add(job);
            load[lighter] += work.get(job);
        }
        return halves;
    }

    /**
     * Runs a pivot statement (see {@link #pivotStatement}: a row per person, columns n0, t0, n1, t1 ... per job of
     * {@code persons} in that order) and adds a verdict for every job whose column is not null (the person is asked).
     */
    private void readPivot(String sql, List<Job> persons, List<List<SubjectVerdict>> subjects, LocalDate asOf) {
        log.debug("{}: {}", persons.size() == 1 ? persons.get(0).requirement().code() : persons.size() + " requirements",
                sql);
        int size = persons.size();
        Verdict[] unmet = new Verdict[size];
        BigDecimal[] thresholds = new BigDecimal[size];
        boolean[] hours = new boolean[size];
        List<List<SubjectVerdict>> lists = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Job job = persons.get(i);
            unmet[i] = job.frame().unmet(asOf);
            thresholds[i] = job.requirement().threshold();
            hours[i] = job.hours();
            lists.add(subjects.get(job.index()));
        }
        jdbc.sql(sql).query((ResultSet rs) -> {
            long subject = rs.getLong(1);
            long branch = rs.getLong(2);
            Long branchId = rs.wasNull() ? null : branch;
            for (int i = 0; i < size; i++) {
                long count = rs.getLong(3 + 2 * i);
                if (rs.wasNull()) {
                    continue;
                }
                BigDecimal total = hours[i] ? rs.getBigDecimal(4 + 2 * i) : BigDecimal.valueOf(count);
                BigDecimal progress = total;
                lists.get(i).add(new SubjectVerdict(SubjectType.PERSON, subject, branchId, count, total, progress,
                        progress.compareTo(thresholds[i]) >= 0 ? Verdict.MET : unmet[i]));
            }
        });
    }

    /**
     * The subjects behind on (or, once closed, having missed) the requirement, with names and units, ordered by
     * name: one page and the total.
     */
    @Transactional(readOnly = true)
    public BehindPage behind(RequirementDefinition requirement, Period period, long subtreeUnitId, LocalDate asOf,
                             int page, int size) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 500);
        Frame frame = frame(requirement, period);
        Verdict unmet = frame.unmet(asOf);
        if (!frame.applicable() || unmet == Verdict.NOT_YET_DUE) {
            return new BehindPage(List.of(), 0, p, s);
        }
        Job job = new Job(0, requirement, frame, paths(requirement, subtreeUnitId));
        SubjectType type = job.persons() ? SubjectType.PERSON : SubjectType.UNIT;
        String statement = job.persons() ? personStatement(List.of(job), asOf, true) : unitStatement(job, asOf, true);
        String progress = job.hours() ? "q.total" : "q.n";
        String where = " from (" + statement + ") q where " + progress + " < :threshold";
        Map<String, Object> params = new HashMap<>();
        params.put("threshold", requirement.threshold());
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.put("lim", s);
        params.put("off", (long) p * s);
        boolean sum = requirement.quantity() == QuantityKind.SUM_HOURS;
        List<BehindRow> rows = jdbc.sql("select q.*" + where + " order by q.name_sort, q.subject_id limit :lim offset :off")
                .params(params).query((rs, i) -> {
                    long branch = rs.getLong("branch_id");
                    Long branchId = rs.wasNull() ? null : branch;
                    BigDecimal prog = sum ? rs.getBigDecimal("total") : BigDecimal.valueOf(rs.getLong("n"));
                    return new BehindRow(type, rs.getLong("subject_id"), rs.getString("name"), branchId,
                            rs.getString("unit_name"), prog, requirement.threshold(), unmet);
                }).list();
        return new BehindPage(rows, total, p, s);
    }

    /** The evidence behind one subject's verdict, newest first. */
    @Transactional(readOnly = true)
    public List<EvidenceItem> evidence(RequirementDefinition requirement, Period period, SubjectType subjectType,
                                       long subjectId, LocalDate asOf) {
        Frame frame = frame(requirement, period);
        if (!frame.applicable()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select ev.subject_kind, ev.subject_id, ev.kind, ev.type_code, ev.evidence_date, ev.quantity,
                       ev.source_kind, ev.source_id
                from evidence ev""");
        if (subjectType == SubjectType.UNIT) {
            sql.append(" join subject_unit eu on eu.unit_id = ev.subject_id where ev.subject_kind = 'U'"
                    + " and eu.path like (select su.path from subject_unit su where su.unit_id = :subject) || '%'");
        } else {
            sql.append(" where ev.subject_kind = 'P' and ev.subject_id = :subject");
        }
        params.put("subject", subjectId);
        sql.append(" and ").append(evidenceFilter(requirement, frame, asOf));
        sql.append(" order by ev.evidence_date desc, ev.id desc");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new EvidenceItem(
                SubjectType.ofCode(rs.getString("subject_kind")), rs.getLong("subject_id"),
                EvidenceKind.valueOf(rs.getString("kind")), rs.getString("type_code"),
                rs.getObject("evidence_date", LocalDate.class), rs.getBigDecimal("quantity"),
                SourceKind.valueOf(rs.getString("source_kind")), rs.getLong("source_id"))).list();
    }

    /**
     * A person's checklist: every person requirement among {@code requirements} that applies to them in its period
     * containing {@code asOf}, with progress and deadline, in the order given. Three small queries whatever the
     * number of requirements (the person, their posts, their evidence of the periods concerned); the scope test
     * is the one the set-based statement applies, for one person.
     */
    @Transactional(readOnly = true)
    public List<ChecklistItem> checklist(long personId, Collection<RequirementDefinition> requirements,
                                         LocalDate asOf) {
        Optional<Me> found = jdbc.sql("""
                        select person_type, political_status, party_leader, active, party_path, admin_path
                        from subject_person where person_id = :id""").param("id", personId)
                .query((rs, i) -> new Me(rs.getString("person_type"), rs.getString("political_status"),
                        rs.getBoolean("party_leader"), rs.getBoolean("active"), rs.getString("party_path"),
                        rs.getString("admin_path"), new java.util.HashSet<>())).optional();
        if (found.isEmpty() || !found.get().active()) {
            return List.of();
        }
        Me me = found.get();
        me.posts().addAll(jdbc.sql("""
                        select post from subject_post where person_id = :id
                          and (since is null or since <= :asOf) and (until is null or until >= :asOf)""")
                .param("id", personId).param("asOf", asOf).query(String.class).list());
        CompliancePeriods.Snapshot calendar = periods.snapshot();
        Map<Long, String> known = new HashMap<>();
        List<RequirementDefinition> asked = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (RequirementDefinition r : requirements) {
            if (r.subject() != SubjectKind.PERSON && r.subject() != SubjectKind.PARTY_LEADER) {
                continue;
            }
            Optional<Period> period = calendar.containing(r.period(), asOf);
            if (period.isEmpty()) {
                continue;
            }
            Frame frame = frame(r, period.get(), calendar);
            if (!frame.applicable() || !me.asked(r, known, this::pathOf)) {
                continue;
            }
            asked.add(r);
            frames.add(frame);
            from = from == null || frame.opensOn().isBefore(from) ? frame.opensOn() : from;
            LocalDate last = frame.closesOn().isBefore(asOf) ? frame.closesOn() : asOf;
            to = to == null || last.isAfter(to) ? last : to;
        }
        if (asked.isEmpty()) {
            return List.of();
        }
        List<EvidenceItem> evidence = to.isBefore(from) ? List.of() : jdbc.sql("""
                        select kind, type_code, evidence_date, quantity, source_kind, source_id from evidence
                        where subject_id = :id and subject_kind = 'P' and evidence_date >= :from and evidence_date <= :to""")
                .param("id", personId).param("from", from).param("to", to)
                .query((rs, i) -> new EvidenceItem(SubjectType.PERSON, personId,
                        EvidenceKind.valueOf(rs.getString("kind")), rs.getString("type_code"),
                        rs.getObject("evidence_date", LocalDate.class), rs.getBigDecimal("quantity"),
                        SourceKind.valueOf(rs.getString("source_kind")), rs.getLong("source_id"))).list();
        List<ChecklistItem> items = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            RequirementDefinition r = asked.get(i);
            Frame f = frames.get(i);
            LocalDate last = f.closesOn().isBefore(asOf) ? f.closesOn() : asOf;
            long count = 0;
            BigDecimal total = BigDecimal.ZERO;
            for (EvidenceItem e : evidence) {
                if (!e.date().isBefore(f.opensOn()) && !e.date().isAfter(last) && matches(r, e)) {
                    count++;
                    total = total.add(e.quantity());
                }
            }
            BigDecimal progress = r.quantity() == QuantityKind.SUM_HOURS ? total : BigDecimal.valueOf(count);
            items.add(new ChecklistItem(r, f.period(), f.opensOn(), f.closesOn(), progress, r.threshold(),
                    progress.compareTo(r.threshold()) >= 0 ? Verdict.MET : f.unmet(asOf)));
        }
        return items;
    }

    /**
     * Evaluates several requirements (a programme, a measure) for the subtree in the periods containing
     * {@code asOf}, reading the calendar once; requirements without such a period are left out.
     */
    @Transactional(readOnly = true)
    public List<RequirementEvaluation> evaluateAll(Collection<RequirementDefinition> requirements, long subtreeUnitId,
                                                   LocalDate asOf) {
        CompliancePeriods.Snapshot calendar = periods.snapshot();
        Map<Long, String> known = new HashMap<>();
        List<Job> jobs = new ArrayList<>();
        for (RequirementDefinition r : requirements) {
            calendar.containing(r.period(), asOf).ifPresent(p ->
                    jobs.add(new Job(jobs.size(), r, frame(r, p, calendar), paths(r, subtreeUnitId, known))));
        }
        return jobs.isEmpty() ? List.of() : evaluate(jobs, asOf);
    }

    private static boolean matches(RequirementDefinition r, EvidenceItem e) {
        for (EvidenceSelector sel : r.evidence()) {
            if (sel.kind() == e.kind() && (sel.type() == null || sel.type().isBlank()
                    || sel.type().strip().equals(e.typeCode()))) {
                return true;
            }
        }
        return false;
    }

    /** One person as the checklist's scope test sees them. */
    private record Me(String personType, String politicalStatus, boolean partyLeader, boolean active,
                      String partyPath, String adminPath, java.util.Set<String> posts) {

        boolean asked(RequirementDefinition r, Map<Long, String> known, java.util.function.Function<Long, String> pathOf) {
            if (r.subject() == SubjectKind.PARTY_LEADER && !partyLeader) {
                return false;
            }
            Long unit = r.scope() == null ? null : r.scope().orgUnitId();
            if (unit != null) {
                String path = known.computeIfAbsent(unit, pathOf);
                if (!(partyPath != null && partyPath.startsWith(path) || adminPath != null && adminPath.startsWith(path))) {
                    return false;
                }
            }
            if (!r.scope().politicalStatuses().isEmpty()
                    && r.scope().politicalStatuses().stream().noneMatch(st -> st.name().equals(politicalStatus))) {
                return false;
            }
            if (!r.scope().personTypes().isEmpty()
                    && r.scope().personTypes().stream().noneMatch(t -> t.name().equals(personType))) {
                return false;
            }
            return r.scope().posts().isEmpty() || r.scope().posts().stream().anyMatch(p -> posts.contains(p.name()));
        }
    }

    // ---- statement building --------------------------------------------------------------------

    /** The dates that count for a requirement in a period: its window's, or the period's. */
    record Frame(Period period, LocalDate opensOn, LocalDate closesOn, boolean applicable) {

        /** The verdict of a subject that has not met the requirement, on {@code asOf}. */
        Verdict unmet(LocalDate asOf) {
            if (asOf.isBefore(opensOn)) {
                return Verdict.NOT_YET_DUE;
            }
            return asOf.isAfter(closesOn) ? Verdict.MISSED : Verdict.BEHIND;
        }
    }

    Frame frame(RequirementDefinition requirement, Period period) {
        return frame(requirement, period, periods.snapshot());
    }

    private static Frame frame(RequirementDefinition requirement, Period period, CompliancePeriods.Snapshot calendar) {
        if (requirement.window() == null) {
            return new Frame(period, period.start(), period.end(), true);
        }
        Optional<CalendarPeriodView> window = calendar.window(requirement.window(), period);
        return window.map(w -> new Frame(period, w.startDate(), w.endDate(), true))
                .orElseGet(() -> new Frame(period, period.start(), period.end(), false));
    }

    /** Paths of the scope's unit and of the evaluated subtree (null: no restriction). */
    private record Paths(String scope, String subtree, Long scopeUnitId) {
    }

    private Paths paths(RequirementDefinition requirement, Long subtreeUnitId) {
        return paths(requirement, subtreeUnitId, new HashMap<>());
    }

    private Paths paths(RequirementDefinition requirement, Long subtreeUnitId, Map<Long, String> known) {
        Long scopeUnit = requirement.scope() == null ? null : requirement.scope().orgUnitId();
        return new Paths(scopeUnit == null ? null : known.computeIfAbsent(scopeUnit, this::pathOf),
                subtreeUnitId == null ? null : known.computeIfAbsent(subtreeUnitId, this::pathOf),
                scopeUnit != null ? scopeUnit : subtreeUnitId);
    }

    private String pathOf(long unitId) {
        String path = jdbc.sql("select path from subject_unit where unit_id = :id").param("id", unitId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("org unit", unitId));
        if (!path.matches("[/0-9]+")) {
            throw new IllegalStateException("unexpected org path " + path);
        }
        return path;
    }

    /**
     * The statement evaluating person requirements, one branch of a union per requirement, giving per requirement
     * and subject: req (the job's number), subject_id, branch_id, n (evidence rows), total (sum of quantities,
     * hours requirements only) and, with names, name, name_sort and unit_name.
     * <p>
     * Shape: the subjects in scope (n = 0) and the requirement's evidence grouped by person are stacked and
     * grouped once more by requirement and person, adding up; a group without a subject row (evidence of someone
     * out of scope) is dropped. The evidence comes in slices (see {@link #slices}): whole months from the monthly
     * tally (evidence_tally, kept by EvidenceLedger), the days of a partial first or last month from the
     * evidence, added or, when the month is taken whole from the tally, subtracted. No join between the evidence
     * and the people: each slice is read once and aggregated before touching the people, and H2, whose only join
     * is a nested loop, would otherwise search the evidence once per person. For a part of the organisation the
     * evidence is also restricted to the people in scope first (an IN list), so that a branch's page reads only
     * its people's rows. Values are literals (dates, codes quoted, paths checked to be digits and slashes):
     * PostgreSQL would otherwise switch to a generic plan after five executions, blind to the date range and the
     * path prefixes.
     */
    private String personStatement(List<Job> jobs, LocalDate asOf, boolean names) {
        StringBuilder sql = new StringBuilder("select x.req as req, x.subject_id as subject_id,"
                + " max(x.branch_id) as branch_id, sum(x.n) as n, coalesce(sum(x.total), 0) as total");
        if (names) {
            sql.append(", max(x.name) as name, max(x.name_sort) as name_sort, max(x.unit_name) as unit_name");
        }
        sql.append(" from (");
        boolean first = true;
        for (Job job : jobs) {
            RequirementDefinition r = job.requirement();
            String scope = personScope(r, job.paths(), asOf);
            if (!first) {
                sql.append(" union all ");
            }
            first = false;
            sql.append("select ").append(job.index()).append(" as req, s.person_id as subject_id,"
                    + " s.branch_id as branch_id, cast(0 as integer) as n, cast(null as numeric(12, 2)) as total, 1 as asked");
            if (names) {
                sql.append(", s.name as name, s.name_sort as name_sort, (select bu.name from subject_unit bu"
                        + " where bu.unit_id = s.branch_id) as unit_name");
            }
            sql.append(" from subject_person s where ").append(scope);
            if (r.evidence().isEmpty()) {
                continue;
            }
            String restriction = restriction(job, scope);
            for (Slice slice : slices(job.frame(), asOf)) {
                boolean tally = slice.months();
                String alias = tally ? "t" : "ev";
                String sign = slice.sign() < 0 ? "-" : "";
                sql.append(" union all select ").append(job.index()).append(", ").append(alias)
                        .append(".subject_id, cast(null as bigint), ").append(sign)
                        .append(tally ? "cast(sum(t.evidence_count) as integer)" : "cast(count(*) as integer)")
                        .append(", ")
                        .append(!job.hours() ? "cast(null as numeric(12, 2))"
                                : sign + (tally ? "sum(t.quantity_total)" : "sum(ev.quantity)"))
                        .append(", 0");
                if (names) {
                    sql.append(", cast(null as varchar(200)), cast(null as varchar(200)), cast(null as varchar(200))");
                }
                sliceSource(sql, r, slice, restriction);
            }
        }
        return sql.append(") x group by x.req, x.subject_id having max(x.asked) = 1").toString();
    }

    /**
     * PostgreSQL's statement for person requirements: one row per active person of the evaluated subtree, with per
     * job (in the order of {@code jobs}) n (evidence rows, null when the job does not ask the person) and t (sum of
     * quantities, hours requirements only). Each slice of each job (see {@link #slices}) is aggregated by person on
     * its own and joined to the people once: no row per requirement and person is ever stacked and grouped again,
     * and the people are read once for all the jobs. On PostgreSQL this is a hash join per slice; H2, whose joins
     * are nested loops, keeps {@link #personStatement}.
     */
    private String pivotStatement(List<Job> jobs, LocalDate asOf) {
        StringBuilder columns = new StringBuilder("select s.person_id as subject_id, s.branch_id as branch_id");
        StringBuilder joins = new StringBuilder();
        String subtree = jobs.get(0).paths().subtree();
        boolean sameSubtree = jobs.stream().allMatch(j -> java.util.Objects.equals(j.paths().subtree(), subtree));
        int alias = 0;
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            RequirementDefinition r = job.requirement();
            String scope = personScope(r, job.paths(), asOf);
            StringBuilder count = new StringBuilder();
            StringBuilder total = new StringBuilder();
            if (!r.evidence().isEmpty()) {
                String restriction = restriction(job, scope);
                for (Slice slice : slices(job.frame(), asOf)) {
                    String e = "e" + alias++;
                    boolean tally = slice.months();
                    String a = tally ? "t" : "ev";
                    String sign = slice.sign() < 0 ? " - " : " + ";
                    count.append(count.isEmpty() && slice.sign() > 0 ? "" : sign).append("coalesce(").append(e)
                            .append(".n, 0)");
                    if (job.hours()) {
                        total.append(total.isEmpty() && slice.sign() > 0 ? "" : sign).append("coalesce(").append(e)
                                .append(".total, 0)");
                    }
                    joins.append(" left join (select ").append(a).append(".subject_id as subject_id, ")
                            .append(tally ? "cast(sum(t.evidence_count) as bigint)" : "count(*)").append(" as n");
                    if (job.hours()) {
                        joins.append(", ").append(tally ? "sum(t.quantity_total)" : "sum(ev.quantity)").append(" as total");
                    }
                    sliceSource(joins, r, slice, restriction);
                    joins.append(") ").append(e).append(" on ").append(e).append(".subject_id = s.person_id");
                }
            }
            columns.append(", case when ").append(scope).append(" then ")
                    .append(count.isEmpty() ? "0" : count).append(" end as n").append(i).append(", ")
                    .append(total.isEmpty() ? "cast(null as numeric(14, 2))" : total).append(" as t").append(i);
        }
        StringBuilder sql = columns.append(" from subject_person s").append(joins).append(" where s.active = true");
        if (sameSubtree) {
            within(sql, subtree);
        }
        return sql.toString();
    }

    /**
     * For a part of the organisation, the condition (after the slice's alias) that keeps the evidence of the people
     * in scope only, so that a branch's page reads only its people's rows; empty for the whole organisation.
     */
    private static String restriction(Job job, String scope) {
        return wholeOrganisation(job.paths()) ? ""
                : ".subject_id in (select s.person_id from subject_person s where " + scope + ")";
    }

    /**
     * Appends a slice's source, grouped by person: the tally's months (alias t) or the evidence's days (alias ev)
     * of the requirement's selectors, with the {@link #restriction} if any.
     */
    private static void sliceSource(StringBuilder sql, RequirementDefinition r, Slice slice, String restriction) {
        boolean tally = slice.months();
        String a = tally ? "t" : "ev";
        sql.append(tally ? " from evidence_tally t where t.subject_kind = 'P' and "
                        : " from evidence ev where ev.subject_kind = 'P' and ")
                .append(selectors(r, a)).append(" and ").append(a)
                .append(tally ? ".month_start >= " : ".evidence_date >= ").append(literal(slice.from()))
                .append(" and ").append(a).append(tally ? ".month_start <= " : ".evidence_date <= ")
                .append(literal(slice.to()));
        if (!restriction.isEmpty()) {
            sql.append(" and ").append(a).append(restriction);
        }
        sql.append(" group by ").append(a).append(".subject_id");
    }

    /** True when neither the scope's unit nor the evaluated subtree is below a top-level unit. */
    private static boolean wholeOrganisation(Paths paths) {
        return (paths.scope() == null || paths.scope().matches("/[0-9]+/"))
                && (paths.subtree() == null || paths.subtree().matches("/[0-9]+/"));
    }

    /** The people a person requirement asks, as a condition on subject_person s. */
    private static String personScope(RequirementDefinition r, Paths paths, LocalDate asOf) {
        StringBuilder sql = new StringBuilder("s.active = true");
        // Inside a unit that lies inside the other means inside both: one test of the deeper path is enough.
        String scope = paths.scope();
        String subtree = paths.subtree();
        if (scope != null && subtree != null && subtree.startsWith(scope)) {
            scope = null;
        } else if (scope != null && subtree != null && scope.startsWith(subtree)) {
            subtree = null;
        }
        within(sql, scope);
        within(sql, subtree);
        if (r.subject() == SubjectKind.PARTY_LEADER) {
            sql.append(" and s.party_leader = true");
        }
        if (!r.scope().politicalStatuses().isEmpty()) {
            sql.append(" and s.political_status in (").append(literals(r.scope().politicalStatuses())).append(")");
        }
        if (!r.scope().personTypes().isEmpty()) {
            sql.append(" and s.person_type in (").append(literals(r.scope().personTypes())).append(")");
        }
        if (!r.scope().posts().isEmpty()) {
            sql.append(" and exists (select 1 from subject_post sp where sp.person_id = s.person_id and sp.post in (")
                    .append(literals(r.scope().posts())).append(") and (sp.since is null or sp.since <= ")
                    .append(literal(asOf)).append(") and (sp.until is null or sp.until >= ").append(literal(asOf))
                    .append("))");
        }
        return sql.toString();
    }

    /**
     * The statement evaluating one branch or organisation requirement: per unit, req, subject_id, branch_id, n and
     * total (and, with names, name, name_sort, unit_name); unit evidence counts for every unit above it.
     */
    private String unitStatement(Job job, LocalDate asOf, boolean names) {
        RequirementDefinition r = job.requirement();
        Paths paths = job.paths();
        String filter = evidenceFilter(r, job.frame(), asOf);
        StringBuilder sql = new StringBuilder();
        boolean branches = r.subject() == SubjectKind.BRANCH;
        sql.append("select ").append(job.index()).append(" as req, u.unit_id as subject_id, ")
                .append(branches ? "u.unit_id" : "cast(null as bigint)")
                .append(" as branch_id, coalesce(sum(e.n), 0) as n, coalesce(sum(e.total), 0) as total");
        if (names) {
            sql.append(", u.name as name, u.name as name_sort, u.name as unit_name");
        }
        sql.append(" from subject_unit u left join (select eu.path as path, count(*) as n, sum(ev.quantity) as total"
                + " from evidence ev join subject_unit eu on eu.unit_id = ev.subject_id where ")
                .append(filter).append(" and ev.subject_kind = 'U' group by eu.path) e on e.path like u.path || '%' where ");
        if (branches) {
            sql.append("u.unit_type = 'BRANCH'");
            within(sql, paths.scope(), "u.path");
        } else {
            sql.append("u.unit_id = ").append(paths.scopeUnitId() == null ? -1L : paths.scopeUnitId().longValue());
        }
        within(sql, paths.subtree(), "u.path");
        sql.append(" group by u.unit_id, u.name");
        return sql.toString();
    }

    private static void within(StringBuilder sql, String path) {
        if (path != null) {
            sql.append(" and (s.party_path like '").append(path).append("%' or s.admin_path like '").append(path)
                    .append("%')");
        }
    }

    private static void within(StringBuilder sql, String path, String column) {
        if (path != null) {
            sql.append(" and ").append(column).append(" like '").append(path).append("%'");
        }
    }

    /** Kind/type selectors and the dates that count: from the window's opening to its closing or {@code asOf}. */
    private static String evidenceFilter(RequirementDefinition r, Frame frame, LocalDate asOf) {
        return selectors(r, "ev") + " and ev.evidence_date >= " + literal(frame.opensOn())
                + " and ev.evidence_date <= " + literal(lastCounted(frame, asOf));
    }

    /** The last day whose evidence counts: the window's closing, or {@code asOf} while it is open. */
    private static LocalDate lastCounted(Frame frame, LocalDate asOf) {
        return asOf.isBefore(frame.closesOn()) ? asOf : frame.closesOn();
    }

    /** The requirement's kind/type selectors as a condition on the evidence or tally rows of {@code alias}. */
    private static String selectors(RequirementDefinition r, String alias) {
        StringBuilder sql = new StringBuilder("(");
        List<EvidenceSelector> selectors = r.evidence();
        if (selectors.isEmpty()) {
            sql.append("1 = 0");
        }
        for (int i = 0; i < selectors.size(); i++) {
            EvidenceSelector sel = selectors.get(i);
            if (i > 0) {
                sql.append(" or ");
            }
            sql.append("(").append(alias).append(".kind = ").append(literal(sel.kind().name()));
            if (sel.type() != null && !sel.type().isBlank()) {
                sql.append(" and ").append(alias).append(".type_code = ").append(literal(sel.type().strip()));
            }
            sql.append(")");
        }
        return sql.append(")").toString();
    }

    /**
     * One part of a person requirement's dates, read from the tally (months, from and to being first days of
     * months) or from the evidence (days); sign -1 subtracts it.
     */
    record Slice(boolean months, LocalDate from, LocalDate to, int sign) {
    }

    /**
     * Splits the dates that count into slices: whole months from the tally, and for a first or last month only
     * partly inside, either its days inside from the evidence, or the month from the tally minus its days outside
     * from the evidence, whichever reads fewer days. Days after {@code asOf} are taken to hold (almost) no
     * evidence, so a month cut at {@code asOf} costs only its days up to then, read from the tally less the
     * remaining days. Either choice gives the same counts; the choice only sets what is read.
     */
    static List<Slice> slices(Frame frame, LocalDate asOf) {
        LocalDate from = frame.opensOn();
        LocalDate to = lastCounted(frame, asOf);
        List<Slice> slices = new ArrayList<>();
        if (to.isBefore(from)) {
            slices.add(new Slice(false, from, to, 1));
            return slices;
        }
        java.time.YearMonth first = java.time.YearMonth.from(from);
        java.time.YearMonth last = java.time.YearMonth.from(to);
        java.time.YearMonth tallyFrom = first;
        java.time.YearMonth tallyTo = last;
        List<Slice> edges = new ArrayList<>();
        if (first.equals(last)) {
            LocalDate start = first.atDay(1);
            LocalDate end = first.atEndOfMonth();
            long outside = cost(start, from.minusDays(1), asOf) + cost(to.plusDays(1), end, asOf);
            if (cost(from, to, asOf) <= outside) {
                slices.add(new Slice(false, from, to, 1));
                return slices;
            }
            addOutside(edges, start, from.minusDays(1));
            addOutside(edges, to.plusDays(1), end);
        } else {
            if (from.getDayOfMonth() != 1) {
                if (cost(from, first.atEndOfMonth(), asOf) <= cost(first.atDay(1), from.minusDays(1), asOf)) {
                    edges.add(new Slice(false, from, first.atEndOfMonth(), 1));
                    tallyFrom = first.plusMonths(1);
                } else {
                    edges.add(new Slice(false, first.atDay(1), from.minusDays(1), -1));
                }
            }
            if (!to.equals(last.atEndOfMonth())) {
                if (cost(last.atDay(1), to, asOf) <= cost(to.plusDays(1), last.atEndOfMonth(), asOf)) {
                    edges.add(new Slice(false, last.atDay(1), to, 1));
                    tallyTo = last.minusMonths(1);
                } else {
                    edges.add(new Slice(false, to.plusDays(1), last.atEndOfMonth(), -1));
                }
            }
        }
        if (!tallyTo.isBefore(tallyFrom)) {
            slices.add(new Slice(true, tallyFrom.atDay(1), tallyTo.atDay(1), 1));
        }
        slices.addAll(edges);
        return slices;
    }

    private static void addOutside(List<Slice> edges, LocalDate from, LocalDate to) {
        if (!to.isBefore(from)) {
            edges.add(new Slice(false, from, to, -1));
        }
    }

    /** The days of [from, to] up to {@code asOf}: what reading them from the evidence is expected to cost. */
    private static long cost(LocalDate from, LocalDate to, LocalDate asOf) {
        LocalDate end = to.isAfter(asOf) ? asOf : to;
        return end.isBefore(from) ? 0 : end.toEpochDay() - from.toEpochDay() + 1;
    }

    /** A standard SQL string literal (quotes doubled; both databases keep backslashes literal). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String literal(LocalDate date) {
        return "date '" + date + "'";
    }

    private static String literals(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().map(ComplianceEngine::literal)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
