package cn.hongxin.bench;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.EvidenceSelector;
import cn.hongxin.brand.NamedWindow;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.ScopeFilter;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.compliance.ChecklistItem;
import cn.hongxin.compliance.ComplianceAggregates;
import cn.hongxin.compliance.ComplianceEngine;
import cn.hongxin.compliance.RequirementEvaluation;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.NewOrgUnit;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/**
 * The compliance benchmark (not a test; run by {@code bench/compliance.sh}): starts the application on a fresh
 * H2 file database or on embedded PostgreSQL, generates a synthetic university (100 branches in 10 general
 * branches, 30,000 people, the 2025-2026 first semester with its 十一 window) and bulk-loads 3,000,000 rows of
 * evidence over the semester (COPY on PostgreSQL, batched inserts on H2; not through the listeners). Then it
 * evaluates every requirement of a programme mirroring PRODUCT §2 for the whole university as of the semester's
 * last day (all_ms, the median of three runs after a warm-up), runs the floor
 * {@code select subject_id, kind, count(*) from evidence group by subject_id, kind} over the same rows (floor_ms,
 * likewise), and times one person's checklist (checklist_ms, the median over 50 people). Last line:
 * {@code compliance: db=.. people=.. evidence=.. all_ms=.. floor_ms=.. ratio=.. checklist_ms=..}.
 */
public final class ComplianceBenchmark {

    static final LocalDate START = LocalDate.of(2025, 9, 1);
    static final LocalDate END = LocalDate.of(2026, 1, 16);
    static final LocalDate GUOQING_OPENS = LocalDate.of(2025, 9, 25);
    static final LocalDate GUOQING_CLOSES = LocalDate.of(2025, 10, 8);

    private ComplianceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        long evidence = args.length > 2 ? Long.parseLong(args[2]) : 3_000_000L;
        String[] extra = System.getenv("LOG_SQL") != null
                ? new String[] {"--logging.level.cn.hongxin.compliance.ComplianceEngine=debug"} : new String[0];
        int status;
        try (BenchApp app = BenchApp.start(db, extra)) {
            status = new Run(app.context, db, people, evidence).run();
            hold(app);
        }
        System.exit(status);
    }

    /**
     * With HOLD=n: keeps the database open n seconds after the run (PostgreSQL: prints its port) to look at plans
     * by hand, e.g. {@code psql -h localhost -p <port> -U postgres postgres}.
     */
    private static void hold(BenchApp app) throws InterruptedException {
        String hold = System.getenv("HOLD");
        if (hold == null || hold.isBlank()) {
            return;
        }
        if (app.postgresPort() > 0) {
            log("holding: psql -h localhost -p %d -U postgres postgres", app.postgresPort());
        }
        Thread.sleep(Long.parseLong(hold.strip()) * 1000);
    }

    /** One generated person: id, branch, type, status, leader. */
    record Member(long id, long branchId, PersonType type, PoliticalStatus status, boolean leader) {
    }

    static final class Run {
        final ConfigurableApplicationContext context;
        final String db;
        final int peopleCount;
        final long evidenceTarget;
        final DataSource dataSource;
        final Random random = new Random(19210701L);
        final AtomicLong sourceIds = new AtomicLong(1);
        final List<Long> branches = new ArrayList<>();
        final List<Long> generalBranches = new ArrayList<>();
        final List<Long> allUnits = new ArrayList<>();
        final List<Member> members = new ArrayList<>();
        long rootId;

        Run(ConfigurableApplicationContext context, String db, int people, long evidence) {
            this.context = context;
            this.db = db;
            this.peopleCount = people;
            this.evidenceTarget = evidence;
            this.dataSource = context.getBean(DataSource.class);
        }

        int run() throws Exception {
            TestOrganisation org = context.getBean(TestOrganisation.class);
            TestAccounts accounts = context.getBean(TestAccounts.class);
            String admin = org.admin();
            long t0 = System.nanoTime();
            accounts.runAs(admin, () -> {
                units(context.getBean(OrgUnitService.class));
                calendar(context.getBean(AcademicCalendar.class));
                return null;
            });
            people();
            long loaded = loadEvidence();
            log("setup and load: %d ms, evidence rows %d", ms(t0), loaded);

            ComplianceEngine engine = context.getBean(ComplianceEngine.class);
            List<RequirementDefinition> programme = programme();
            long[] all = new long[3];
            long[] floor = new long[3];
            evaluateAll(engine, programme, true);
            floor();
            for (int i = 0; i < 3; i++) {
                long s = System.nanoTime();
                evaluateAll(engine, programme, i == 0);
                all[i] = ms(s);
                s = System.nanoTime();
                long groups = floor();
                floor[i] = ms(s);
                if (i == 0) {
                    log("floor groups: %d", groups);
                }
            }
            if (System.getenv("EXPLAIN") != null) {
                explain(engine, programme);
            }
            long[] checklist = new long[50];
            for (int i = 0; i < 5; i++) {
                engine.checklist(members.get(i * 7).id(), programme, END);
            }
            for (int i = 0; i < checklist.length; i++) {
                Member m = members.get((i * 613) % members.size());
                long s = System.nanoTime();
                List<ChecklistItem> items = engine.checklist(m.id(), programme, END);
                checklist[i] = (System.nanoTime() - s) / 1000;
                if (i == 0) {
                    log("checklist of person %d: %d items", m.id(), items.size());
                }
            }
            long allMs = median(all);
            long floorMs = median(floor);
            long checklistUs = median(checklist);
            log("all_ms runs %s, floor_ms runs %s", Arrays.toString(all), Arrays.toString(floor));
            System.out.printf("compliance: db=%s people=%d evidence=%d all_ms=%d floor_ms=%d ratio=%.2f checklist_ms=%.1f%n",
                    db, members.size(), loaded, allMs, floorMs, (double) allMs / Math.max(floorMs, 1),
                    checklistUs / 1000.0);
            return 0;
        }

        void evaluateAll(ComplianceEngine engine, List<RequirementDefinition> programme, boolean report) {
            List<RequirementEvaluation> evaluations = engine.evaluateAll(programme, rootId, END);
            int cells = ComplianceAggregates.heatMap(evaluations).size();
            if (report) {
                for (RequirementEvaluation e : evaluations) {
                    log("  %-20s %-13s subjects=%6d %s", e.requirement().code(), e.period().label(),
                            e.subjects().size(), e.counts());
                }
                log("heat map cells: %d", cells);
            }
        }

        /** With EXPLAIN set: the plan of every statement the engine runs (captured from its debug log). */
        void explain(ComplianceEngine engine, List<RequirementDefinition> programme) throws Exception {
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                    .getLogger(ComplianceEngine.class);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                    new ch.qos.logback.core.read.ListAppender<>();
            captured.start();
            logger.addAppender(captured);
            logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
            evaluateAll(engine, programme, false);
            engine.checklist(members.get(0).id(), programme, END);
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
            logger.detachAppender(captured);
            String prefix = db.equals("postgresql") ? "explain (analyze, buffers) " : "explain analyze ";
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                for (ch.qos.logback.classic.spi.ILoggingEvent e : captured.list) {
                    Object[] a = e.getArgumentArray();
                    log("---- %s", a[0]);
                    log("%s", a[1]);
                    try (ResultSet rs = st.executeQuery(prefix + a[1])) {
                        while (rs.next()) {
                            log("%s", rs.getString(1));
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery(prefix + "select subject_id, kind, count(*) from evidence group by subject_id, kind")) {
                    log("---- floor");
                    while (rs.next()) {
                        log("%s", rs.getString(1));
                    }
                }
            }
        }

        long floor() throws Exception {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.setFetchSize(10_000);
                long rows = 0;
                long sum = 0;
                try (ResultSet rs = st.executeQuery("select subject_id, kind, count(*) from evidence group by subject_id, kind")) {
                    while (rs.next()) {
                        rows++;
                        sum += rs.getLong(1) + rs.getString(2).length() + rs.getLong(3);
                    }
                }
                return sum == -1 ? -1 : rows;
            }
        }

        // ---- the synthetic university ------------------------------------------------------------

        void units(OrgUnitService units) {
            OrgUnitView root = units.tree().get(0);
            rootId = root.id();
            for (int g = 0; g < 10; g++) {
                OrgUnitView general = units.create(new NewOrgUnit(root.id(), "第" + (g + 1) + "党总支", null,
                        OrgUnitType.GENERAL_BRANCH, null, g, null));
                generalBranches.add(general.id());
                allUnits.add(general.id());
                for (int b = 0; b < 10; b++) {
                    OrgUnitView branch = units.create(new NewOrgUnit(general.id(), "第" + (g + 1) + "-" + (b + 1) + "支部",
                            null, OrgUnitType.BRANCH, b == 0 ? BranchKind.TEACHERS : BranchKind.STUDENTS, b, null));
                    branches.add(branch.id());
                    allUnits.add(branch.id());
                }
            }
        }

        void calendar(AcademicCalendar calendar) {
            long year = calendar.addYear("2025-2026", LocalDate.of(2025, 8, 25), LocalDate.of(2026, 8, 24));
            calendar.addSemester(year, "2025-2026学年第一学期", 1, START, END, 18);
            calendar.addSemester(year, "2025-2026学年第二学期", 2, LocalDate.of(2026, 2, 23), LocalDate.of(2026, 7, 10), 18);
            calendar.addPeriod(year, CalendarPeriodKind.WINDOW, "GUOQING", "十一", GUOQING_OPENS, GUOQING_CLOSES);
            calendar.addPeriod(year, CalendarPeriodKind.WINDOW, "QIYI", "七一", LocalDate.of(2026, 6, 20),
                    LocalDate.of(2026, 7, 5));
            calendar.addPeriod(year, CalendarPeriodKind.WINDOW, "QINGMING", "清明", LocalDate.of(2026, 3, 28),
                    LocalDate.of(2026, 4, 8));
        }

        /** 300 people a branch: teachers in each general branch's first branch, students elsewhere. */
        void people() throws Exception {
            PoliticalStatus[] teacherStatuses = {PoliticalStatus.FULL_MEMBER, PoliticalStatus.FULL_MEMBER,
                    PoliticalStatus.FULL_MEMBER, PoliticalStatus.PROBATIONARY_MEMBER, PoliticalStatus.MASSES};
            PoliticalStatus[] studentStatuses = {PoliticalStatus.FULL_MEMBER, PoliticalStatus.PROBATIONARY_MEMBER,
                    PoliticalStatus.CANDIDATE, PoliticalStatus.ACTIVIST, PoliticalStatus.ACTIVIST,
                    PoliticalStatus.APPLICANT, PoliticalStatus.APPLICANT, PoliticalStatus.LEAGUE_MEMBER,
                    PoliticalStatus.LEAGUE_MEMBER, PoliticalStatus.LEAGUE_MEMBER, PoliticalStatus.LEAGUE_MEMBER,
                    PoliticalStatus.MASSES};
            int perBranch = peopleCount / branches.size();
            Timestamp now = Timestamp.from(Instant.now());
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into person (name, name_pinyin, name_initials, name_sort, gender, person_type, branch_id,
                            political_status, party_leader, active, created_at, updated_at, version)
                        values (?, ?, ?, ?, 'FEMALE', ?, ?, ?, ?, true, ?, ?, 0)""", new String[]{"id"})) {
                    int n = 0;
                    for (int b = 0; b < branches.size(); b++) {
                        boolean teachers = b % 10 == 0;
                        for (int i = 0; i < perBranch; i++) {
                            PoliticalStatus status = teachers ? teacherStatuses[random.nextInt(teacherStatuses.length)]
                                    : studentStatuses[random.nextInt(studentStatuses.length)];
                            boolean leader = teachers && status.partyMember() && random.nextInt(10) == 0;
                            String name = "成员" + n;
                            ps.setString(1, name);
                            ps.setString(2, "chengyuan" + n);
                            ps.setString(3, "cy");
                            ps.setString(4, "chengyuan" + String.format("%06d", n));
                            ps.setString(5, (teachers ? PersonType.TEACHER : PersonType.STUDENT).name());
                            ps.setLong(6, branches.get(b));
                            ps.setString(7, status.name());
                            ps.setBoolean(8, leader);
                            ps.setTimestamp(9, now);
                            ps.setTimestamp(10, now);
                            ps.addBatch();
                            members.add(new Member(0, branches.get(b), teachers ? PersonType.TEACHER : PersonType.STUDENT,
                                    status, leader));
                            n++;
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
                // Ids in insertion order.
                List<Long> ids = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select id from person where name like '成员%' order by id")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                for (int i = 0; i < members.size(); i++) {
                    Member m = members.get(i);
                    members.set(i, new Member(ids.get(i), m.branchId(), m.type(), m.status(), m.leader()));
                }
                c.setAutoCommit(true);
            }
        }

        /** Unit evidence of the branches and general branches, then person evidence up to the target count. */
        long loadEvidence() throws Exception {
            List<Object[]> unitRows = new ArrayList<>();
            for (long branch : branches) {
                for (int m = 0; m < 5; m++) {
                    unitRows.add(unitRow(branch, "EVENT_HELD", "REGULAR_PARTY_MEETING", START.plusMonths(m).plusDays(random.nextInt(20))));
                }
                unitRows.add(unitRow(branch, "EVENT_HELD", "TOMB_VISIT", day()));
                unitRows.add(unitRow(branch, "EVENT_HELD", "POETRY_RECITAL", END.minusDays(random.nextInt(20))));
            }
            for (long general : generalBranches) {
                for (int w = 0; w < 18; w++) {
                    unitRows.add(unitRow(general, "EVENT_HELD", "WEDNESDAY_LECTURE", START.plusDays(2 + 7L * w)));
                }
                for (int m = 0; m < 5; m++) {
                    unitRows.add(unitRow(general, "EVENT_HELD", "JOINT_MEETING", START.plusMonths(m).plusDays(random.nextInt(14))));
                    unitRows.add(unitRow(general, "NEWSLETTER_ISSUED", null, START.plusMonths(m).plusDays(random.nextInt(14))));
                    for (int a = 0; a < 5; a++) {
                        unitRows.add(unitRow(general, "ARTICLE_PUBLISHED", "WECHAT", START.plusMonths(m).plusDays(random.nextInt(14))));
                    }
                    for (int a = 0; a < 2; a++) {
                        unitRows.add(unitRow(general, "ARTICLE_PUBLISHED", "HEALTH_COLUMN", START.plusMonths(m).plusDays(random.nextInt(14))));
                    }
                }
                unitRows.add(unitRow(general, "EVENT_HELD", "SPECIAL_TOPIC_MEETING", day()));
                unitRows.add(unitRow(general, "EVENT_HELD", "DEMOCRATIC_LIFE", day()));
                unitRows.add(unitRow(general, "EVENT_HELD", "HEALTH_TALK", day()));
                unitRows.add(unitRow(general, "EVENT_HELD", "HEALTH_TALK", day()));
                unitRows.add(unitRow(general, "EVENT_HELD", "SONG_CONTEST", day()));
                unitRows.add(unitRow(general, "EVENT_HELD", "ESSAY_CONTEST", day()));
            }
            long personTarget = evidenceTarget - unitRows.size();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("drop index ix_evidence_day");
                st.execute("drop index ix_evidence_subject");
            }
            long s = System.nanoTime();
            Loader loader = db.equals("postgresql") ? new CopyLoader() : new BatchLoader();
            try (Connection c = dataSource.getConnection()) {
                loader.open(c);
                for (Object[] row : unitRows) {
                    loader.add(row);
                }
                long base = personTarget / members.size();
                long extra = personTarget % members.size();
                for (int i = 0; i < members.size(); i++) {
                    personEvidence(members.get(i), base + (i < extra ? 1 : 0), loader);
                }
                loader.close();
            }
            log("evidence loaded in %d ms", ms(s));
            s = System.nanoTime();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("create index ix_evidence_day on evidence (kind, type_code, evidence_date, subject_kind, subject_id, quantity)");
                st.execute("create index ix_evidence_subject on evidence (subject_id, subject_kind, kind, evidence_date)");
                // Loaded around the ledger: the monthly tally is rebuilt in one statement, as after any bulk load.
                long t = System.nanoTime();
                long tally = context.getBean(cn.hongxin.compliance.EvidenceTallyOperations.class).rebuild();
                log("evidence tally rebuilt in %d ms: %d rows", ms(t), tally);
                if (db.equals("postgresql")) {
                    st.execute("vacuum analyze evidence");
                    st.execute("vacuum analyze evidence_tally");
                    st.execute("analyze");
                } else {
                    st.execute("analyze");
                }
                try (ResultSet rs = st.executeQuery("select count(*) from evidence")) {
                    rs.next();
                    log("indexes and statistics in %d ms", ms(s));
                    return rs.getLong(1);
                }
            }
        }

        LocalDate day() {
            return START.plusDays(random.nextInt((int) (END.toEpochDay() - START.toEpochDay() + 1)));
        }

        Object[] unitRow(long unit, String kind, String type, LocalDate date) {
            return new Object[]{"U", unit, kind, type, date, BigDecimal.ONE, "EVENT", sourceIds.getAndIncrement()};
        }

        /** A person's semester: meetings, lectures, activities, submissions, hours; {@code n} rows in all. */
        void personEvidence(Member m, long n, Loader loader) throws Exception {
            long written = 0;
            boolean member = m.status().partyMember() || m.status() == PoliticalStatus.CANDIDATE
                    || m.status() == PoliticalStatus.ACTIVIST;
            List<Object[]> rows = new ArrayList<>();
            if (m.type() == PersonType.STUDENT) {
                if (random.nextInt(10) < 8) {
                    rows.add(personRow(m, "SUBMISSION_VERIFIED", "READING_NOTE", day(), BigDecimal.ONE, "SUBMISSION"));
                }
                if (random.nextInt(10) < 7) {
                    rows.add(personRow(m, "SUBMISSION_VERIFIED", "POSTER",
                            GUOQING_OPENS.plusDays(random.nextInt(16)), BigDecimal.ONE, "SUBMISSION"));
                }
                if (random.nextInt(10) < 6) {
                    rows.add(personRow(m, "SUBMISSION_VERIFIED", "POEM", day(), BigDecimal.ONE, "SUBMISSION"));
                }
                for (int i = random.nextInt(5); i > 0; i--) {
                    rows.add(personRow(m, "VOLUNTEER_HOURS", "VOLUNTEER_SERVICE", day(),
                            BigDecimal.valueOf(1 + random.nextInt(4)), "EVENT"));
                }
            } else {
                for (int mo = 0; mo < 5 && m.status().partyMember(); mo++) {
                    for (int i = random.nextInt(4); i > 0; i--) {
                        rows.add(personRow(m, "HELP_RECORD", null, START.plusMonths(mo).plusDays(random.nextInt(28)),
                                BigDecimal.ONE, "HELP_RECORD"));
                    }
                }
                if (m.leader() && random.nextInt(10) < 7) {
                    rows.add(personRow(m, "LECTURE_GIVEN", "PARTY_LECTURE", day(), BigDecimal.ONE, "EVENT"));
                }
            }
            for (Object[] row : rows) {
                if (written++ < n) {
                    loader.add(row);
                }
            }
            String[] attended = member
                    ? new String[]{"REGULAR_PARTY_MEETING", "THEME_PARTY_DAY", "PARTY_LECTURE", "WEDNESDAY_LECTURE",
                    "FITNESS", "FITNESS", "WEDNESDAY_LECTURE", "SONG_CONTEST", "TOMB_VISIT", "FITNESS"}
                    : new String[]{"WEDNESDAY_LECTURE", "FITNESS", "FITNESS", "WEDNESDAY_LECTURE", "SONG_CONTEST",
                    "FITNESS", "ESSAY_CONTEST", "HEALTH_TALK"};
            while (written < n) {
                loader.add(personRow(m, "ATTENDED", attended[random.nextInt(attended.length)], day(), BigDecimal.ONE,
                        "EVENT"));
                written++;
            }
        }

        Object[] personRow(Member m, String kind, String type, LocalDate date, BigDecimal q, String source) {
            return new Object[]{"P", m.id(), kind, type, date, q, source, sourceIds.getAndIncrement()};
        }

        // ---- the programme, after PRODUCT §2 -----------------------------------------------------

        List<RequirementDefinition> programme() {
            List<RequirementDefinition> r = new ArrayList<>();
            ScopeFilter all = ScopeFilter.everyone(rootId);
            ScopeFilter students = new ScopeFilter(rootId, Set.of(), Set.of(), Set.of(PersonType.STUDENT));
            ScopeFilter memberTeachers = new ScopeFilter(rootId,
                    Set.of(PoliticalStatus.FULL_MEMBER, PoliticalStatus.PROBATIONARY_MEMBER), Set.of(),
                    Set.of(PersonType.TEACHER));
            ScopeFilter members = new ScopeFilter(rootId, Set.of(PoliticalStatus.FULL_MEMBER,
                    PoliticalStatus.PROBATIONARY_MEMBER), Set.of(), Set.of());
            // Four meetings and three carriers of the general branch.
            r.add(req(1, "REGULAR_MEETING", SubjectKind.BRANCH, all, "1", PeriodKind.MONTH, null, "EVENT_HELD", "REGULAR_PARTY_MEETING"));
            r.add(req(1, "SPECIAL_TOPIC", SubjectKind.BRANCH, all, "1", PeriodKind.SEMESTER, null, "EVENT_HELD", "SPECIAL_TOPIC_MEETING"));
            r.add(req(2, "DEMOCRATIC_LIFE", SubjectKind.ORGANISATION, all, "1", PeriodKind.YEAR, null, "EVENT_HELD", "DEMOCRATIC_LIFE"));
            r.add(req(3, "JOINT_MEETING", SubjectKind.ORGANISATION, all, "1", PeriodKind.MONTH, null, "EVENT_HELD", "JOINT_MEETING"));
            r.add(req(4, "WECHAT_ARTICLES", SubjectKind.ORGANISATION, all, "4", PeriodKind.MONTH, null, "ARTICLE_PUBLISHED", "WECHAT"));
            r.add(req(5, "NEWSLETTER", SubjectKind.ORGANISATION, all, "1", PeriodKind.MONTH, null, "NEWSLETTER_ISSUED", null));
            r.add(req(6, "WEDNESDAY_LECTURE", SubjectKind.ORGANISATION, all, "18", PeriodKind.SEMESTER, null, "EVENT_HELD", "WEDNESDAY_LECTURE"));
            // Two projects of the teachers' branch.
            r.add(req(7, "MENTORING", SubjectKind.PERSON, memberTeachers, "2", PeriodKind.MONTH, null, "HELP_RECORD", null));
            r.add(req(8, "HEALTH_COLUMN", SubjectKind.ORGANISATION, all, "2", PeriodKind.MONTH, null, "ARTICLE_PUBLISHED", "HEALTH_COLUMN"));
            r.add(req(8, "HEALTH_TALKS", SubjectKind.ORGANISATION, all, "2", PeriodKind.SEMESTER, null, "EVENT_HELD", "HEALTH_TALK"));
            // Ten activities of the students' branch.
            r.add(req(9, "RED_BOOK", SubjectKind.PERSON, students, "1", PeriodKind.SEMESTER, null, "SUBMISSION_VERIFIED", "READING_NOTE"));
            r.add(req(10, "POSTER_QIYI", SubjectKind.PERSON, students, "1", PeriodKind.SEMESTER, "QIYI", "SUBMISSION_VERIFIED", "POSTER"));
            r.add(req(10, "POSTER_GUOQING", SubjectKind.PERSON, students, "1", PeriodKind.SEMESTER, "GUOQING", "SUBMISSION_VERIFIED", "POSTER"));
            r.add(req(11, "LEADER_LECTURE", SubjectKind.PARTY_LEADER, all, "1", PeriodKind.SEMESTER, null, "LECTURE_GIVEN", null));
            r.add(req(12, "POEM", SubjectKind.PERSON, students, "1", PeriodKind.SEMESTER, null, "SUBMISSION_VERIFIED", "POEM"));
            r.add(req(12, "RECITAL", SubjectKind.BRANCH, all, "1", PeriodKind.SEMESTER, null, "EVENT_HELD", "POETRY_RECITAL"));
            r.add(req(13, "SONG_CONTEST", SubjectKind.ORGANISATION, all, "1", PeriodKind.YEAR, null, "EVENT_HELD", "SONG_CONTEST"));
            r.add(req(14, "ESSAY_CONTEST", SubjectKind.ORGANISATION, all, "1", PeriodKind.YEAR, null, "EVENT_HELD", "ESSAY_CONTEST"));
            r.add(req(15, "ETIQUETTE_CONTEST", SubjectKind.ORGANISATION, all, "1", PeriodKind.YEAR, null, "EVENT_HELD", "ETIQUETTE_CONTEST"));
            r.add(req(16, "TOMB_VISIT", SubjectKind.BRANCH, all, "1", PeriodKind.YEAR, null, "EVENT_HELD", "TOMB_VISIT"));
            r.add(req(17, "FITNESS", SubjectKind.PERSON, students, "8", PeriodKind.SEMESTER, null, "ATTENDED", "FITNESS"));
            r.add(new RequirementDefinition(r.size() + 1, 18, "VOLUNTEER_HOURS", "志愿服务时长", "Volunteer hours",
                    SubjectKind.PERSON, students, QuantityKind.SUM_HOURS, new BigDecimal("6"), PeriodKind.SEMESTER,
                    null, List.of(new EvidenceSelector(EvidenceKind.VOLUNTEER_HOURS, null))));
            // 三会一课 for members.
            r.add(req(19, "ATTEND_MEETING", SubjectKind.PERSON, members, "1", PeriodKind.MONTH, null, "ATTENDED", "REGULAR_PARTY_MEETING"));
            r.add(req(19, "ATTEND_LECTURE", SubjectKind.PERSON, members, "1", PeriodKind.QUARTER, null, "ATTENDED", "PARTY_LECTURE"));
            r.add(req(19, "ATTEND_THEME_DAY", SubjectKind.PERSON, members, "1", PeriodKind.SEMESTER, null, "ATTENDED", "THEME_PARTY_DAY"));
            r.add(req(20, "WEDNESDAY_ATTENDANCE", SubjectKind.PERSON, all, "6", PeriodKind.SEMESTER, null, "ATTENDED", "WEDNESDAY_LECTURE"));
            return r;
        }

        private int requirementIds;

        RequirementDefinition req(long measure, String code, SubjectKind subject, ScopeFilter scope, String n,
                                  PeriodKind period, String window, String kind, String type) {
            return new RequirementDefinition(++requirementIds, measure, code, code, code, subject, scope,
                    QuantityKind.COUNT, new BigDecimal(n), period, window == null ? null : new NamedWindow(window),
                    List.of(new EvidenceSelector(EvidenceKind.valueOf(kind), type)));
        }
    }

    // ---- bulk loading ------------------------------------------------------------------------------

    private interface Loader {
        void open(Connection c) throws Exception;

        void add(Object[] row) throws Exception;

        void close() throws Exception;
    }

    /** PostgreSQL: COPY ... FROM STDIN in chunks of 200,000 rows. */
    private static final class CopyLoader implements Loader {
        private Connection connection;
        private final StringBuilder chunk = new StringBuilder(1 << 24);
        private int rows;
        private final String now = Instant.now().toString();

        @Override
        public void open(Connection c) {
            connection = c;
        }

        @Override
        public void add(Object[] row) throws Exception {
            chunk.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',')
                    .append(row[3] == null ? "" : row[3]).append(',').append(row[4]).append(',')
                    .append(((BigDecimal) row[5]).toPlainString()).append(',').append(row[6]).append(',')
                    .append(row[7]).append(',').append(now).append('\n');
            if (++rows % 200_000 == 0) {
                flush();
            }
        }

        private void flush() throws Exception {
            org.postgresql.PGConnection pg = connection.unwrap(org.postgresql.PGConnection.class);
            pg.getCopyAPI().copyIn("copy evidence (subject_kind, subject_id, kind, type_code, evidence_date, quantity,"
                    + " source_kind, source_id, recorded_at) from stdin with (format csv)", new StringReader(chunk.toString()));
            chunk.setLength(0);
        }

        @Override
        public void close() throws Exception {
            flush();
        }
    }

    /** H2: batched prepared inserts, committed every 100,000 rows. */
    private static final class BatchLoader implements Loader {
        private Connection connection;
        private PreparedStatement ps;
        private int rows;
        private final Timestamp now = Timestamp.from(Instant.now());

        @Override
        public void open(Connection c) throws Exception {
            connection = c;
            c.setAutoCommit(false);
            ps = c.prepareStatement("insert into evidence (subject_kind, subject_id, kind, type_code, evidence_date,"
                    + " quantity, source_kind, source_id, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void add(Object[] row) throws Exception {
            ps.setString(1, (String) row[0]);
            ps.setLong(2, (Long) row[1]);
            ps.setString(3, (String) row[2]);
            ps.setString(4, (String) row[3]);
            ps.setDate(5, Date.valueOf((LocalDate) row[4]));
            ps.setBigDecimal(6, (BigDecimal) row[5]);
            ps.setString(7, (String) row[6]);
            ps.setLong(8, (Long) row[7]);
            ps.setTimestamp(9, now);
            ps.addBatch();
            if (++rows % 10_000 == 0) {
                ps.executeBatch();
            }
            if (rows % 100_000 == 0) {
                connection.commit();
            }
        }

        @Override
        public void close() throws Exception {
            ps.executeBatch();
            connection.commit();
            ps.close();
            connection.setAutoCommit(true);
        }
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static void log(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
