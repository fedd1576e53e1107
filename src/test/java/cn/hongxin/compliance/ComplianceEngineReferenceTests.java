package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.EvidenceSelector;
import cn.hongxin.brand.NamedWindow;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.ScopeFilter;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.organisation.NewOrgUnit;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.compliance.ComplianceFixtures.GUOQING;
import static cn.hongxin.compliance.ComplianceFixtures.GUOQING_CLOSES;
import static cn.hongxin.compliance.ComplianceFixtures.GUOQING_OPENS;
import static cn.hongxin.compliance.ComplianceFixtures.SEMESTER_END;
import static cn.hongxin.compliance.ComplianceFixtures.SEMESTER_START;
import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based engine against a plain evaluation in Java: a randomised department (people of every type and
 * status, party leaders, posts held from a day, an inactive person, a party group, evidence of every kind in and
 * around the semester, hours, overlapping selectors) and randomised requirements of every subject, period,
 * window and scope; the Java reference reads the same rows (people, posts, units, evidence) with plain selects
 * and counts them one by one. Every subject, count, progress and verdict must agree, for a subtree and for the
 * whole organisation, evaluated one by one and all at once, and the who-is-behind totals too. The evidence goes
 * through the ledger's write paths (replays, corrections, retractions, re-dated and cancelled events), and its
 * monthly tally, from which the engine reads whole months, must agree with the evidence afterwards.
 */
@IntegrationTest
class ComplianceEngineReferenceTests {

    @Autowired
    ComplianceEngine engine;
    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    OrgUnitService units;
    @Autowired
    cn.hongxin.organisation.PersonService people;
    @Autowired
    JdbcClient jdbc;

    static final String[][] SELECTORS = {
            {"ATTENDED", "FITNESS"}, {"ATTENDED", "THEME_PARTY_DAY"}, {"ATTENDED", null},
            {"SUBMISSION_VERIFIED", "READING_NOTE"}, {"SUBMISSION_VERIFIED", "POSTER"}, {"VOLUNTEER_HOURS", null},
            {"HELP_RECORD", null}, {"LECTURE_GIVEN", "PARTY_LECTURE"}, {"EVENT_HELD", "REGULAR_PARTY_MEETING"},
            {"EVENT_HELD", "TOMB_VISIT"}, {"EVENT_HELD", null}, {"ARTICLE_PUBLISHED", "WECHAT"}};

    @Test
    void theSetBasedEvaluationAgreesWithAPlainOneOnARandomisedDepartment() {
        fixtures.semester();
        Random random = new Random(20911001L);
        TestOrganisation.Department dept = org.department();
        OrgUnitView group = accounts.runAs(org.admin(), () -> units.create(new NewOrgUnit(dept.studentsBranch().id(),
                "党小组" + newId(), null, OrgUnitType.PARTY_GROUP, null, 1, null)));
        List<Long> persons = new ArrayList<>();
        PoliticalStatus[] statuses = PoliticalStatus.values();
        for (int i = 0; i < 24; i++) {
            PersonType type = i % 3 == 0 ? PersonType.TEACHER : PersonType.STUDENT;
            PoliticalStatus status = statuses[random.nextInt(statuses.length)];
            persons.add(fixtures.person(dept, "随机" + i, status, type, type == PersonType.TEACHER && random.nextBoolean()));
        }
        long inactive = persons.get(5);
        accounts.runAs(org.admin(), () -> {
            people.setActive(inactive, false);
            return null;
        });
        fixtures.assignPost(persons.get(0), dept.teachersBranch().id(), PartyPost.SECRETARY, LocalDate.of(2090, 1, 1));
        fixtures.assignPost(persons.get(1), dept.studentsBranch().id(), PartyPost.SECRETARY, LocalDate.of(2091, 11, 1));
        fixtures.assignPost(persons.get(2), group.id(), PartyPost.GROUP_LEADER, LocalDate.of(2091, 9, 15));
        // Evidence: people, around the semester and the 十一 window; units inside the department.
        LocalDate from = SEMESTER_START.minusDays(20);
        int days = (int) (SEMESTER_END.toEpochDay() - from.toEpochDay()) + 20;
        for (long person : persons) {
            for (int i = random.nextInt(16); i > 0; i--) {
                String[] sel = SELECTORS[random.nextInt(8)];
                String type = sel[1] != null ? sel[1] : sel[0].equals("ATTENDED")
                        ? (random.nextBoolean() ? "WEDNESDAY_LECTURE" : "FITNESS") : null;
                BigDecimal q = sel[0].equals("VOLUNTEER_HOURS") ? new BigDecimal(random.nextInt(9) + ".5")
                        : BigDecimal.ONE;
                LocalDate day = random.nextInt(4) == 0 ? GUOQING_OPENS.plusDays(random.nextInt(16) - 1)
                        : from.plusDays(random.nextInt(days));
                ledger.record(SourceKind.EVENT, newId(), EvidenceKind.valueOf(sel[0]), SubjectType.PERSON, person,
                        type, day, q);
            }
        }
        // Events attended by several people, through the ledger's other write paths: deliveries replayed, hours
        // and types corrected, sign-ins retracted, events re-dated (across month ends) and cancelled.
        for (int i = 0; i < 30; i++) {
            long event = newId();
            String type = random.nextBoolean() ? "FITNESS" : "THEME_PARTY_DAY";
            LocalDate day = from.plusDays(random.nextInt(days));
            List<Long> came = new ArrayList<>();
            for (long person : persons) {
                if (random.nextInt(3) == 0) {
                    came.add(person);
                    ledger.record(SourceKind.EVENT, event, EvidenceKind.ATTENDED, SubjectType.PERSON, person, type,
                            day, BigDecimal.ONE);
                    if (random.nextInt(4) == 0) {
                        ledger.record(SourceKind.EVENT, event, EvidenceKind.ATTENDED, SubjectType.PERSON, person, type,
                                day, BigDecimal.ONE);
                    }
                    if (random.nextInt(8) == 0) {
                        ledger.record(SourceKind.EVENT, event, EvidenceKind.ATTENDED, SubjectType.PERSON, person,
                                "WEDNESDAY_LECTURE", day.plusDays(random.nextInt(5)), BigDecimal.ONE);
                    }
                }
            }
            for (long person : came) {
                if (random.nextInt(6) == 0) {
                    ledger.remove(SourceKind.EVENT, event, EvidenceKind.ATTENDED, SubjectType.PERSON, person);
                }
            }
            switch (random.nextInt(5)) {
                case 0 -> ledger.removeSource(SourceKind.EVENT, event);
                case 1, 2 -> {
                    // Often to a month's last or first day.
                    LocalDate to = random.nextBoolean() ? java.time.YearMonth.from(day.plusMonths(random.nextInt(3) - 1))
                            .atEndOfMonth().plusDays(random.nextInt(2)) : from.plusDays(random.nextInt(days));
                    ledger.redateSource(SourceKind.EVENT, event, to);
                    ledger.redateSource(SourceKind.EVENT, event, to);
                }
                default -> {
                }
            }
        }
        for (long person : persons) {
            // Hours recorded, then corrected and moved.
            long hours = newId();
            ledger.record(SourceKind.EVENT, hours, EvidenceKind.VOLUNTEER_HOURS, SubjectType.PERSON, person,
                    "VOLUNTEER_SERVICE", from.plusDays(random.nextInt(days)), new BigDecimal(random.nextInt(5) + ".5"));
            if (random.nextBoolean()) {
                ledger.record(SourceKind.EVENT, hours, EvidenceKind.VOLUNTEER_HOURS, SubjectType.PERSON, person,
                        "VOLUNTEER_SERVICE", from.plusDays(random.nextInt(days)), new BigDecimal(random.nextInt(5) + ".5"));
            }
        }
        assertThat(ledger.tallyDifferences(SubjectType.PERSON, persons)).isEmpty();
        long[] unitIds = {dept.generalBranch().id(), dept.teachersBranch().id(), dept.studentsBranch().id(),
                group.id()};
        for (int i = 0; i < 40; i++) {
            String[] sel = SELECTORS[8 + random.nextInt(4)];
            String type = sel[1] != null ? sel[1] : "POETRY_RECITAL";
            ledger.record(SourceKind.EVENT, newId(), EvidenceKind.valueOf(sel[0]), SubjectType.UNIT,
                    unitIds[random.nextInt(unitIds.length)], type, from.plusDays(random.nextInt(days)), BigDecimal.ONE);
        }

        List<RequirementDefinition> requirements = requirements(random, dept);
        Long root = org.root().id();
        assertThat(ledger.tallyDifferences(SubjectType.UNIT, java.util.Arrays.stream(unitIds).boxed().toList()))
                .isEmpty();
        // Days evaluated as of: the window's edges (mid-month), month ends and starts, mid-month, the semester's end.
        List<LocalDate> days2 = List.of(GUOQING_OPENS.minusDays(1), GUOQING_OPENS, GUOQING_CLOSES,
                GUOQING_CLOSES.plusDays(1), LocalDate.of(2091, 10, 31), LocalDate.of(2091, 11, 1),
                LocalDate.of(2091, 11, 17), SEMESTER_END, SEMESTER_END.plusDays(1));
        int compared = 0;
        int met = 0;
        int unmet = 0;
        // Which threads ran the engine's statements: on PostgreSQL a batch's second half runs on the side thread.
        ch.qos.logback.classic.Logger engineLog = (ch.qos.logback.classic.Logger) LoggerFactory
                .getLogger(ComplianceEngine.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> statements =
                new ch.qos.logback.core.read.ListAppender<>();
        statements.start();
        ch.qos.logback.classic.Level level = engineLog.getLevel();
        engineLog.addAppender(statements);
        engineLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
        for (LocalDate asOf : days2) {
            for (long subtree : new long[]{dept.generalBranch().id(), dept.studentsBranch().id(), root}) {
                Reference reference = new Reference(jdbc, subtree);
                List<RequirementEvaluation> together = engine.evaluateAll(requirements, subtree, asOf);
                assertThat(together).extracting(e -> e.requirement().code()).containsExactlyElementsOf(requirements
                        .stream().filter(r -> engine.periodOf(r, asOf).isPresent()).map(RequirementDefinition::code)
                        .toList());
                for (RequirementEvaluation e : together) {
                    Map<String, SubjectVerdict> expected = reference.evaluate(e.requirement(), e, asOf);
                    Map<String, SubjectVerdict> actual = keyed(e.subjects());
                    assertThat(actual).as("%s as of %s in %d", e.requirement().code(), asOf, subtree)
                            .isEqualTo(expected);
                    if (subtree == dept.generalBranch().id()) {
                        RequirementEvaluation alone = engine.evaluate(e.requirement(), e.period(), subtree, asOf);
                        assertThat(keyed(alone.subjects())).isEqualTo(expected);
                        VerdictCounts c = e.counts();
                        assertThat(engine.behind(e.requirement(), e.period(), subtree, asOf, 0, 500).total())
                                .as("behind %s as of %s", e.requirement().code(), asOf)
                                .isEqualTo(c.behind() + c.missed());
                    }
                    compared += expected.size();
                    met += (int) expected.values().stream().filter(v -> v.verdict() == Verdict.MET).count();
                    unmet += (int) expected.values().stream().filter(v -> v.verdict() != Verdict.MET).count();
                }
            }
        }
        } finally {
            engineLog.setLevel(level);
            engineLog.detachAppender(statements);
        }
        assertThat(statements.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getThreadName)
                .as("threads that ran the engine's statements").isNotEmpty()
                .matches(threads -> threads.contains("compliance-engine") == halvesRunSideBySide());
        // The dataset is not degenerate: many verdicts of both sorts were compared.
        assertThat(compared).isGreaterThan(500);
        assertThat(met).isGreaterThan(50);
        assertThat(unmet).isGreaterThan(50);
    }

    /** Whether the database is one on which the engine runs the halves of a large batch side by side. */
    boolean halvesRunSideBySide() {
        return false;
    }

    /** Random requirements of every subject kind, scope, quantity, period and window. */
    List<RequirementDefinition> requirements(Random random, TestOrganisation.Department dept) {
        List<RequirementDefinition> result = new ArrayList<>();
        SubjectKind[] subjects = {SubjectKind.PERSON, SubjectKind.PERSON, SubjectKind.PERSON, SubjectKind.PARTY_LEADER,
                SubjectKind.BRANCH, SubjectKind.ORGANISATION};
        PeriodKind[] periods = PeriodKind.values();
        Long[] scopeUnits = {dept.generalBranch().id(), dept.studentsBranch().id(), dept.teachersBranch().id(),
                dept.department().id(), null};
        for (int i = 0; i < 24; i++) {
            SubjectKind subject = subjects[random.nextInt(subjects.length)];
            boolean persons = subject == SubjectKind.PERSON || subject == SubjectKind.PARTY_LEADER;
            Set<PoliticalStatus> statuses = EnumSet.noneOf(PoliticalStatus.class);
            Set<PersonType> types = EnumSet.noneOf(PersonType.class);
            Set<PartyPost> posts = EnumSet.noneOf(PartyPost.class);
            if (persons && random.nextBoolean()) {
                for (int k = random.nextInt(4) + 1; k > 0; k--) {
                    statuses.add(PoliticalStatus.values()[random.nextInt(PoliticalStatus.values().length)]);
                }
            }
            if (persons && random.nextInt(3) == 0) {
                types.add(random.nextBoolean() ? PersonType.STUDENT : PersonType.TEACHER);
            }
            if (persons && random.nextInt(5) == 0) {
                posts.add(PartyPost.SECRETARY);
                if (random.nextBoolean()) {
                    posts.add(PartyPost.GROUP_LEADER);
                }
            }
            List<EvidenceSelector> evidence = new ArrayList<>();
            int first = persons ? random.nextInt(8) : 8 + random.nextInt(4);
            evidence.add(new EvidenceSelector(EvidenceKind.valueOf(SELECTORS[first][0]), SELECTORS[first][1]));
            if (random.nextInt(3) == 0) {
                // A second selector, sometimes overlapping the first (ATTENDED with and without a type).
                int second = persons ? random.nextInt(8) : 8 + random.nextInt(4);
                evidence.add(new EvidenceSelector(EvidenceKind.valueOf(SELECTORS[second][0]), SELECTORS[second][1]));
            }
            if (i == 0) {
                evidence.clear();
            }
            boolean hours = persons && random.nextInt(4) == 0;
            String window = random.nextInt(4) == 0 ? GUOQING : random.nextInt(10) == 0 ? "NO_SUCH_WINDOW" : null;
            PeriodKind period = window != null ? PeriodKind.SEMESTER : periods[random.nextInt(periods.length)];
            BigDecimal threshold = hours ? new BigDecimal(random.nextInt(12) + 1 + ".5")
                    : BigDecimal.valueOf(random.nextInt(3) + 1);
            result.add(new RequirementDefinition(95_000 + i, 600 + i % 5, "RANDOM_" + i, "随机" + i, "Random " + i,
                    subject, new ScopeFilter(scopeUnits[random.nextInt(scopeUnits.length)], statuses, posts, types),
                    hours ? QuantityKind.SUM_HOURS : QuantityKind.COUNT, threshold, period,
                    window == null ? null : new NamedWindow(window), evidence));
        }
        return result;
    }

    static Map<String, SubjectVerdict> keyed(List<SubjectVerdict> subjects) {
        Map<String, SubjectVerdict> result = new HashMap<>();
        for (SubjectVerdict s : subjects) {
            // Compare amounts by value (the databases return them with different scales).
            SubjectVerdict normal = new SubjectVerdict(s.subjectType(), s.subjectId(), s.branchId(), s.count(),
                    s.total().stripTrailingZeros(), s.progress().stripTrailingZeros(), s.verdict());
            assertThat(result.put(s.subjectType() + "-" + s.subjectId(), normal)).as("subject listed twice").isNull();
        }
        return result;
    }

    /** The plain evaluation: every row read with a plain select, everything else in Java. */
    static final class Reference {

        record Person(long id, String type, String status, boolean leader, boolean active, Long branch,
                      String partyPath, String adminPath) {
        }

        record Post(long person, String post, LocalDate since, LocalDate until) {
        }

        record Unit(long id, String path, String type) {
        }

        record Row(String subjectKind, long subject, String kind, String type, LocalDate date, BigDecimal quantity) {
        }

        final List<Person> persons;
        final List<Post> posts;
        final Map<Long, Unit> units = new HashMap<>();
        final Map<String, List<Row>> rows = new HashMap<>();
        final List<Row> unitRows = new ArrayList<>();
        final long subtree;
        final String subtreePath;

        Reference(JdbcClient jdbc, long subtree) {
            persons = jdbc.sql("select * from subject_person").query((rs, i) -> {
                long branch = rs.getLong("branch_id");
                Long branchId = rs.wasNull() ? null : branch;
                return new Person(rs.getLong("person_id"), rs.getString("person_type"),
                        rs.getString("political_status"), rs.getBoolean("party_leader"), rs.getBoolean("active"),
                        branchId, rs.getString("party_path"), rs.getString("admin_path"));
            }).list();
            posts = jdbc.sql("select * from subject_post").query((rs, i) -> new Post(rs.getLong("person_id"),
                    rs.getString("post"), rs.getObject("since", LocalDate.class),
                    rs.getObject("until", LocalDate.class))).list();
            jdbc.sql("select * from subject_unit").query((rs, i) -> new Unit(rs.getLong("unit_id"),
                    rs.getString("path"), rs.getString("unit_type"))).list().forEach(u -> units.put(u.id(), u));
            jdbc.sql("select * from evidence").query((rs, i) -> new Row(rs.getString("subject_kind"),
                    rs.getLong("subject_id"), rs.getString("kind"), rs.getString("type_code"),
                    rs.getObject("evidence_date", LocalDate.class), rs.getBigDecimal("quantity"))).list()
                    .forEach(row -> {
                        rows.computeIfAbsent(row.subjectKind() + row.subject(), k -> new ArrayList<>()).add(row);
                        if (row.subjectKind().equals("U")) {
                            unitRows.add(row);
                        }
                    });
            this.subtree = subtree;
            subtreePath = units.get(subtree).path();
        }

        Map<String, SubjectVerdict> evaluate(RequirementDefinition r, RequirementEvaluation e, LocalDate asOf) {
            Map<String, SubjectVerdict> result = new HashMap<>();
            if (!e.applicable()) {
                return result;
            }
            LocalDate last = asOf.isBefore(e.closesOn()) ? asOf : e.closesOn();
            Verdict unmet = asOf.isBefore(e.opensOn()) ? Verdict.NOT_YET_DUE
                    : asOf.isAfter(e.closesOn()) ? Verdict.MISSED : Verdict.BEHIND;
            boolean hours = r.quantity() == QuantityKind.SUM_HOURS;
            String scopePath = r.scope().orgUnitId() == null ? null : units.get(r.scope().orgUnitId()).path();
            if (r.subject() == SubjectKind.PERSON || r.subject() == SubjectKind.PARTY_LEADER) {
                for (Person p : persons) {
                    if (!asked(r, p, scopePath, asOf)) {
                        continue;
                    }
                    long n = 0;
                    BigDecimal total = BigDecimal.ZERO;
                    for (Row row : rows.getOrDefault("P" + p.id(), List.of())) {
                        if (counts(r, row, e.opensOn(), last)) {
                            n++;
                            total = total.add(row.quantity());
                        }
                    }
                    add(result, SubjectType.PERSON, p.id(), p.branch(), n, hours ? total : BigDecimal.valueOf(n),
                            r, unmet);
                }
                return result;
            }
            List<Unit> subjects = new ArrayList<>();
            for (Unit u : units.values()) {
                boolean candidate = r.subject() == SubjectKind.BRANCH
                        ? u.type().equals("BRANCH") && (scopePath == null || u.path().startsWith(scopePath))
                        : u.id() == (r.scope().orgUnitId() == null ? subtree : r.scope().orgUnitId());
                if (candidate && u.path().startsWith(subtreePath)) {
                    subjects.add(u);
                }
            }
            for (Unit u : subjects) {
                long n = 0;
                BigDecimal total = BigDecimal.ZERO;
                for (Row row : unitRows) {
                    Unit of = units.get(row.subject());
                    if (of != null && of.path().startsWith(u.path()) && counts(r, row, e.opensOn(), last)) {
                        n++;
                        total = total.add(row.quantity());
                    }
                }
                add(result, SubjectType.UNIT, u.id(), r.subject() == SubjectKind.BRANCH ? u.id() : null, n,
                        hours ? total : BigDecimal.valueOf(n), r, unmet);
            }
            return result;
        }

        boolean asked(RequirementDefinition r, Person p, String scopePath, LocalDate asOf) {
            if (!p.active() || r.subject() == SubjectKind.PARTY_LEADER && !p.leader()) {
                return false;
            }
            if (!inside(p, subtreePath) || scopePath != null && !inside(p, scopePath)) {
                return false;
            }
            if (!r.scope().politicalStatuses().isEmpty()
                    && r.scope().politicalStatuses().stream().noneMatch(s -> s.name().equals(p.status()))) {
                return false;
            }
            if (!r.scope().personTypes().isEmpty()
                    && r.scope().personTypes().stream().noneMatch(t -> t.name().equals(p.type()))) {
                return false;
            }
            if (r.scope().posts().isEmpty()) {
                return true;
            }
            Set<String> wanted = new HashSet<>();
            r.scope().posts().forEach(x -> wanted.add(x.name()));
            return posts.stream().anyMatch(x -> x.person() == p.id() && wanted.contains(x.post())
                    && (x.since() == null || !x.since().isAfter(asOf)) && (x.until() == null || !x.until().isBefore(asOf)));
        }

        static boolean inside(Person p, String path) {
            return p.partyPath() != null && p.partyPath().startsWith(path)
                    || p.adminPath() != null && p.adminPath().startsWith(path);
        }

        static boolean counts(RequirementDefinition r, Row row, LocalDate opens, LocalDate last) {
            if (row.date().isBefore(opens) || row.date().isAfter(last)) {
                return false;
            }
            return r.evidence().stream().anyMatch(s -> s.kind().name().equals(row.kind())
                    && (s.type() == null || s.type().isBlank() || s.type().strip().equals(row.type())));
        }

        static void add(Map<String, SubjectVerdict> result, SubjectType type, long id, Long branch, long n,
                        BigDecimal total, RequirementDefinition r, Verdict unmet) {
            BigDecimal progress = r.quantity() == QuantityKind.SUM_HOURS ? total : BigDecimal.valueOf(n);
            result.put(type + "-" + id, new SubjectVerdict(type, id, branch, n, total.stripTrailingZeros(),
                    progress.stripTrailingZeros(), progress.compareTo(r.threshold()) >= 0 ? Verdict.MET : unmet));
        }
    }
}
