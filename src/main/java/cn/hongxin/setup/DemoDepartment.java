package cn.hongxin.setup;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.NewOrgUnit;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonForm;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.PasswordPolicy;
import cn.hongxin.security.Role;

import static cn.hongxin.organisation.PoliticalStatus.ACTIVIST;
import static cn.hongxin.organisation.PoliticalStatus.APPLICANT;
import static cn.hongxin.organisation.PoliticalStatus.CANDIDATE;
import static cn.hongxin.organisation.PoliticalStatus.FULL_MEMBER;
import static cn.hongxin.organisation.PoliticalStatus.LEAGUE_MEMBER;
import static cn.hongxin.organisation.PoliticalStatus.MASSES;
import static cn.hongxin.organisation.PoliticalStatus.PROBATIONARY_MEMBER;

/**
 * The demo department: the Clinical Medicine general branch with its teachers' and students'
 * branches, teaching offices, classes, party groups, about 40 teachers and 300 students, posts,
 * the academic calendar, and one account per role.
 *
 * <p>Everything goes through the public services of the organisation and security modules, as the
 * freshly created system administrator, inside setup's transaction. People are invented from a fixed
 * seed, so two demos loaded in the same academic year hold the same people; dates are computed from
 * today (the current academic year, grades, status histories), so the demo never looks stale. Only
 * the demo accounts' passwords are random, from a {@link SecureRandom}.
 */
@Component
class DemoDepartment {

    private static final Logger log = LoggerFactory.getLogger(DemoDepartment.class);

    /** Seed of the people (names, birth dates, ID and phone numbers) and of their status histories. */
    static final long SEED = 19210701L;

    static final String GENERAL_BRANCH = "临床医学系党总支";
    static final String TEACHERS_BRANCH = "临床医学系教工党支部";
    static final String STUDENTS_BRANCH = "临床医学系学生党支部";
    static final String DEPARTMENT = "临床医学系";

    /** A teaching office: its teachers by status (正式党员, 预备党员, 群众) and the party group of its members. */
    private record Office(String name, int full, int probationary, int masses, String group, boolean headIsLeader) {
    }

    private static final List<Office> OFFICES = List.of(
            new Office("内科学教研室", 5, 0, 3, "内科党小组", true),
            new Office("外科学教研室", 4, 1, 2, "外科党小组", true),
            new Office("妇产科学教研室", 3, 0, 2, "外科党小组", false),
            new Office("儿科学教研室", 3, 1, 1, "内科党小组", true),
            new Office("诊断学教研室", 3, 0, 2, "基础医学党小组", false),
            new Office("基础医学教研室", 5, 0, 2, "基础医学党小组", true));
    private static final List<String> TEACHER_GROUPS = List.of("内科党小组", "外科党小组", "基础医学党小组");

    /**
     * Grades in the demo: the four that entered before this academic year (in 2026–2027 the grades of
     * 2022 to 2025, the second to fifth years of the five-year programme).
     */
    static final int GRADES = 4;
    static final int CLASSES_PER_GRADE = 2;
    static final int STUDENTS_PER_GRADE = 75;

    /**
     * Students per grade (oldest first) by status: 正式党员, 预备党员, 发展对象, 入党积极分子, 入党申请人, 群众;
     * the rest are 共青团员. Overall 8 %, 5 %, 5 %, 15 %, 20 %, 2 % and 45 %; members in the senior years.
     */
    private static final int[][] STUDENT_STATUSES = {
            {16, 4, 2, 6, 8, 2},
            {8, 6, 5, 10, 12, 1},
            {0, 5, 8, 14, 16, 2},
            {0, 0, 0, 15, 24, 1}};
    private static final PoliticalStatus[] PLANNED = {FULL_MEMBER, PROBATIONARY_MEMBER, CANDIDATE, ACTIVIST,
            APPLICANT, MASSES};

    private final OrgUnitService units;
    private final PersonService people;
    private final AcademicCalendar calendar;
    private final AccountService accounts;
    private final PasswordPolicy policy;
    private final DemoEvents activity;
    private final DemoMentoring mentoring;
    private final DemoOutreach outreach;
    private final DemoNewsletters newsletters;
    private final DemoPublishing publishing;

    DemoDepartment(OrgUnitService units, PersonService people, AcademicCalendar calendar, AccountService accounts,
                   PasswordPolicy policy, DemoEvents activity, DemoMentoring mentoring, DemoOutreach outreach,
                   DemoNewsletters newsletters, DemoPublishing publishing) {
        this.units = units;
        this.people = people;
        this.calendar = calendar;
        this.accounts = accounts;
        this.policy = policy;
        this.activity = activity;
        this.mentoring = mentoring;
        this.outreach = outreach;
        this.newsletters = newsletters;
        this.publishing = publishing;
    }

    /**
     * Loads the demo under {@code root}, working as {@code adminUsername} (who must exist and be a
     * system administrator), and returns the demo accounts with their passwords, to be shown once.
     */
    List<DemoAccount> load(OrgUnitView root, String adminUsername) {
        long started = System.nanoTime();
        Loader loader = new Loader(root, adminUsername, LocalDate.now());
        List<DemoAccount> result = accounts.runAs(adminUsername, loader::load);
        log.info("Demo department loaded: {} teachers, {} students, {} accounts in {} ms", loader.teachers.size(),
                loader.students.size(), result.size(), (System.nanoTime() - started) / 1_000_000);
        DemoRoster roster = loader.roster();
        activity.load(roster, adminUsername);
        mentoring.load(roster, adminUsername);
        outreach.load(roster);
        publishing.load(roster);
        newsletters.load(roster);
        return result;
    }

    /** One person of the demo as planned, and after creation their id. */
    private static final class Planned {
        final DemoPeople.Identity identity;
        final PersonType type;
        final String staffNo;
        final OrgUnitView adminUnit;
        final PoliticalStatus status;
        final int grade;
        String office;
        OrgUnitView group;
        boolean partyLeader;
        List<StatusHistory.Step> history;
        long id;
        boolean hasPost;

        Planned(DemoPeople.Identity identity, PersonType type, String staffNo, OrgUnitView adminUnit,
                PoliticalStatus status, int grade) {
            this.identity = identity;
            this.type = type;
            this.staffNo = staffNo;
            this.adminUnit = adminUnit;
            this.status = status;
            this.grade = grade;
        }

        LocalDate since() {
            return history.get(history.size() - 1).on();
        }

        String name() {
            return identity.name();
        }
    }

    /** The state of one load. */
    private final class Loader {

        private final OrgUnitView root;
        private final String adminUsername;
        private final LocalDate today;
        private final int year;
        private final Random random = new Random(SEED);
        private final Random statusRandom = new Random(SEED + 1);
        private final DemoPeople inventor = new DemoPeople(random);
        private final List<Planned> teachers = new ArrayList<>();
        private final List<Planned> students = new ArrayList<>();
        private final Map<String, OrgUnitView> groups = new LinkedHashMap<>();
        private final List<OrgUnitView> studentGroups = new ArrayList<>();
        private final List<OrgUnitView> classes = new ArrayList<>();
        private final List<DemoRoster.Posting> postings = new ArrayList<>();
        private final Map<String, String> usernames = new LinkedHashMap<>();
        private OrgUnitView generalBranch;
        private OrgUnitView teachersBranch;
        private OrgUnitView studentsBranch;
        private OrgUnitView department;

        Loader(OrgUnitView root, String adminUsername, LocalDate today) {
            this.root = root;
            this.adminUsername = adminUsername;
            this.today = today;
            this.year = DemoCalendar.firstYear(today);
        }

        List<DemoAccount> load() {
            Map<String, OrgUnitView> offices = createUnits();
            List<OrgUnitView> classes = createClasses();
            this.classes.addAll(classes);
            createCalendar();
            planTeachers(offices);
            planStudents(classes);
            teachers.forEach(this::create);
            students.forEach(this::create);
            return assignPostsAndOpenAccounts();
        }

        // ---- units ---------------------------------------------------------------------------------

        private Map<String, OrgUnitView> createUnits() {
            generalBranch = unit(root, GENERAL_BRANCH, "临床党总支", OrgUnitType.GENERAL_BRANCH, null, 10,
                    LocalDate.of(2004, 6, 18));
            teachersBranch = unit(generalBranch, TEACHERS_BRANCH, "教工支部", OrgUnitType.BRANCH,
                    BranchKind.TEACHERS, 1, LocalDate.of(2004, 9, 10));
            studentsBranch = unit(generalBranch, STUDENTS_BRANCH, "学生支部", OrgUnitType.BRANCH,
                    BranchKind.STUDENTS, 2, LocalDate.of(2004, 9, 10));
            department = unit(generalBranch, DEPARTMENT, "临床系", OrgUnitType.DEPARTMENT, null, 3,
                    LocalDate.of(2001, 9, 1));
            LocalDate regrouped = LocalDate.of(year - 1, 12, 10);
            for (int i = 0; i < TEACHER_GROUPS.size(); i++) {
                groups.put(TEACHER_GROUPS.get(i), unit(teachersBranch, TEACHER_GROUPS.get(i), null,
                        OrgUnitType.PARTY_GROUP, null, i + 1, regrouped));
            }
            // One group for each grade with members: the two youngest grades have too few to share one each.
            LocalDate studentGroupsFormed = earliest(LocalDate.of(year, 9, 25), today);
            for (int g = 0; g < GRADES - 1; g++) {
                OrgUnitView group = unit(studentsBranch, grade(g) + "级党小组", null, OrgUnitType.PARTY_GROUP, null,
                        g + 1, studentGroupsFormed);
                studentGroups.add(group);
                groups.put(group.name(), group);
            }
            Map<String, OrgUnitView> offices = new LinkedHashMap<>();
            for (int i = 0; i < OFFICES.size(); i++) {
                String name = OFFICES.get(i).name();
                offices.put(name, unit(department, name, null, OrgUnitType.TEACHING_OFFICE, null, i + 1, null));
            }
            return offices;
        }

        private List<OrgUnitView> createClasses() {
            List<OrgUnitView> classes = new ArrayList<>();
            for (int g = 0; g < GRADES; g++) {
                for (int c = 1; c <= CLASSES_PER_GRADE; c++) {
                    classes.add(unit(department, "临床医学" + grade(g) + "级" + c + "班",
                            "临床" + (grade(g) % 100) + "-" + c, OrgUnitType.CLASS, null, 10 + g * 10 + c,
                            LocalDate.of(grade(g), 9, 1)));
                }
            }
            return classes;
        }

        private OrgUnitView unit(OrgUnitView parent, String name, String shortName, OrgUnitType type,
                                 BranchKind kind, int sortOrder, LocalDate established) {
            return units.create(new NewOrgUnit(parent.id(), name, shortName, type, kind, sortOrder, established));
        }

        /** The year of entry of grade {@code g}, oldest first: the fifth year down to the second. */
        private int grade(int g) {
            return year - GRADES + g;
        }

        // ---- calendar ------------------------------------------------------------------------------

        private void createCalendar() {
            DemoCalendar c = DemoCalendar.ofYear(year);
            if (calendar.years().stream().anyMatch(y -> y.name().equals(c.name()))) {
                return;
            }
            long yearId = calendar.addYear(c.name(), c.start(), c.end());
            c.semesters().forEach(s -> calendar.addSemester(yearId, s.name(), s.ordinal(), s.start(), s.end(),
                    s.teachingWeeks()));
            c.periods().forEach(p -> calendar.addPeriod(yearId, p.kind(), p.code(), p.name(), p.start(), p.end()));
        }

        // ---- people --------------------------------------------------------------------------------

        private void planTeachers(Map<String, OrgUnitView> offices) {
            int[] serial = {0};
            // At the department itself: the general branch's full-time secretary and two counsellors (辅导员).
            teachers.add(teacher(department, null, FULL_MEMBER, 48, 56, serial));
            teachers.add(teacher(department, null, FULL_MEMBER, 29, 34, serial));
            teachers.add(teacher(department, null, FULL_MEMBER, 28, 32, serial));
            teachers.forEach(t -> t.group = groups.get("基础医学党小组"));
            for (Office office : OFFICES) {
                List<PoliticalStatus> statuses = new ArrayList<>();
                statuses.addAll(Collections.nCopies(office.full(), FULL_MEMBER));
                statuses.addAll(Collections.nCopies(office.probationary(), PROBATIONARY_MEMBER));
                statuses.addAll(Collections.nCopies(office.masses(), MASSES));
                Collections.shuffle(statuses, random);
                List<Planned> staff = new ArrayList<>();
                for (PoliticalStatus status : statuses) {
                    Planned t = switch (status) {
                        case PROBATIONARY_MEMBER -> teacher(offices.get(office.name()), office, status, 28, 33, serial);
                        case FULL_MEMBER -> teacher(offices.get(office.name()), office, status, 31, 59, serial);
                        default -> teacher(offices.get(office.name()), office, status, 28, 58, serial);
                    };
                    staff.add(t);
                }
                // The head of the office (教研室主任) is its most senior party member.
                staff.stream().filter(t -> t.status == FULL_MEMBER)
                        .min(java.util.Comparator.comparing(t -> t.identity.birthDate()))
                        .ifPresent(head -> head.partyLeader = office.headIsLeader());
                teachers.addAll(staff);
            }
            teachers.get(0).partyLeader = true;
        }

        private Planned teacher(OrgUnitView unit, Office office, PoliticalStatus status, int minAge, int maxAge,
                                int[] serial) {
            Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            int age = minAge + random.nextInt(maxAge - minAge + 1);
            LocalDate birth = LocalDate.of(year, 9, 1).minusYears(age).minusDays(1 + random.nextInt(364));
            DemoPeople.Identity identity = inventor.person(gender, birth, false);
            int hired = Math.min(year, birth.getYear() + 25 + random.nextInt(5));
            String staffNo = String.format("T%02d%04d", hired % 100, ++serial[0]);
            Planned t = new Planned(identity, PersonType.TEACHER, staffNo, unit, status, -1);
            t.office = office == null ? null : office.name();
            if (office != null && status.partyMember()) {
                t.group = groups.get(office.group());
            }
            t.history = switch (status) {
                case FULL_MEMBER -> StatusHistory.pipeline(FULL_MEMBER, birth.plusYears(18), birth.plusYears(18),
                        today.minusDays(30), birth.plusYears(22).plusDays(statusRandom.nextInt(9 * 365)), statusRandom);
                case PROBATIONARY_MEMBER -> StatusHistory.pipeline(PROBATIONARY_MEMBER, birth.plusYears(18),
                        today.minusDays(358), today.minusDays(7), null, statusRandom);
                default -> List.of(new StatusHistory.Step(MASSES, latest(birth.plusYears(28),
                        LocalDate.of(hired, 7, 1)), null));
            };
            return t;
        }

        private void planStudents(List<OrgUnitView> classes) {
            for (int g = 0; g < GRADES; g++) {
                List<PoliticalStatus> statuses = new ArrayList<>();
                for (int s = 0; s < PLANNED.length; s++) {
                    statuses.addAll(Collections.nCopies(STUDENT_STATUSES[g][s], PLANNED[s]));
                }
                statuses.addAll(Collections.nCopies(STUDENTS_PER_GRADE - statuses.size(), LEAGUE_MEMBER));
                Collections.shuffle(statuses, random);
                LocalDate entry = LocalDate.of(grade(g), 9, 1);
                int perClass = (STUDENTS_PER_GRADE + CLASSES_PER_GRADE - 1) / CLASSES_PER_GRADE;
                for (int i = 0; i < STUDENTS_PER_GRADE; i++) {
                    int clazz = i / perClass;
                    PoliticalStatus status = statuses.get(i);
                    Gender gender = random.nextInt(100) < 55 ? Gender.FEMALE : Gender.MALE;
                    boolean pipeline = status != LEAGUE_MEMBER && status != MASSES;
                    // 17 to 19½ at entry; those who applied to join were 18 by then.
                    LocalDate birth = pipeline ? entry.minusYears(18).minusDays(random.nextInt(548))
                            : entry.minusYears(17).minusDays(random.nextInt(913));
                    DemoPeople.Identity identity = inventor.person(gender, birth, true);
                    String number = String.format("%d01%02d%02d", grade(g), clazz + 1, i - clazz * perClass + 1);
                    Planned s = new Planned(identity, PersonType.STUDENT, number,
                            classes.get(g * CLASSES_PER_GRADE + clazz), status, g);
                    if (status.partyMember()) {
                        s.group = studentGroups.get(Math.min(g, studentGroups.size() - 1));
                    }
                    s.history = studentHistory(status, entry, birth);
                    students.add(s);
                }
            }
            // A group of a grade without full members yet is led by one from the grade above (传帮带).
            for (int g = 1; g < studentGroups.size(); g++) {
                OrgUnitView group = studentGroups.get(g);
                OrgUnitView above = studentGroups.get(g - 1);
                if (students.stream().noneMatch(s -> s.group == group && s.status == FULL_MEMBER)) {
                    students.stream().filter(s -> s.group == above && s.status == FULL_MEMBER)
                            .reduce((first, second) -> second)
                            .ifPresent(s -> s.group = group);
                }
            }
        }

        private List<StatusHistory.Step> studentHistory(PoliticalStatus status, LocalDate entry, LocalDate birth) {
            LocalDate applied = entry.plusDays(14);
            return switch (status) {
                case FULL_MEMBER -> StatusHistory.pipeline(status, applied, applied, today.minusDays(7), null,
                        statusRandom);
                case PROBATIONARY_MEMBER -> StatusHistory.pipeline(status, applied, today.minusDays(358),
                        today.minusDays(7), null, statusRandom);
                case CANDIDATE -> StatusHistory.pipeline(status, applied, today.minusDays(300), today.minusDays(7),
                        null, statusRandom);
                case ACTIVIST -> StatusHistory.pipeline(status, applied, today.minusDays(720), today.minusDays(7),
                        null, statusRandom);
                case APPLICANT -> StatusHistory.pipeline(status, applied, today.minusDays(720), today.minusDays(3),
                        null, statusRandom);
                case MASSES -> List.of(new StatusHistory.Step(MASSES, entry, null));
                default -> List.of(new StatusHistory.Step(LEAGUE_MEMBER,
                        birth.plusYears(14).plusDays(statusRandom.nextInt(500)), null));
            };
        }

        private void create(Planned p) {
            DemoPeople.Identity who = p.identity;
            StatusHistory.Step first = p.history.get(0);
            OrgUnitView branch = p.type == PersonType.TEACHER ? teachersBranch : studentsBranch;
            p.id = people.create(new PersonForm(who.name(), who.gender(), who.ethnicity(), who.birthDate(),
                    who.idNumber(), who.phone(), null, p.staffNo, p.type, p.adminUnit.id(), branch.id(),
                    p.group == null ? null : p.group.id(), first.status(), first.on(), p.partyLeader));
            for (StatusHistory.Step step : p.history.subList(1, p.history.size())) {
                people.changeStatus(p.id, step.status(), step.on(), step.note());
            }
        }

        // ---- posts and accounts --------------------------------------------------------------------

        private List<DemoAccount> assignPostsAndOpenAccounts() {
            LocalDate elected = LocalDate.of(year - 1, 11, 20);
            LocalDate branchesElected = LocalDate.of(year - 1, 12, 10);
            LocalDate studentsElected = earliest(LocalDate.of(year, 9, 25), today);

            Planned generalSecretary = teachers.get(0);
            Planned counsellor = teachers.get(1);
            post(generalSecretary, generalBranch, PartyPost.SECRETARY, elected);
            // The students' branch: a counsellor as secretary, students on the committee.
            post(counsellor, studentsBranch, PartyPost.SECRETARY, branchesElected);
            post(take(teachers, inOffice("内科学教研室").and(t -> t.partyLeader), elected), generalBranch,
                    PartyPost.DEPUTY_SECRETARY, elected);
            post(take(teachers, inOffice("基础医学教研室"), elected), generalBranch,
                    PartyPost.ORGANISATION_COMMITTEE, elected);
            post(take(teachers, inOffice("儿科学教研室"), elected), generalBranch, PartyPost.PROPAGANDA_COMMITTEE,
                    elected);
            post(take(teachers, inOffice("妇产科学教研室"), elected), generalBranch,
                    PartyPost.DISCIPLINE_COMMITTEE, elected);

            Planned teachersSecretary = take(teachers, inOffice("外科学教研室").and(t -> t.partyLeader),
                    branchesElected);
            post(teachersSecretary, teachersBranch, PartyPost.SECRETARY, branchesElected);
            post(take(teachers, inOffice("内科学教研室"), branchesElected), teachersBranch,
                    PartyPost.ORGANISATION_COMMITTEE, branchesElected);
            post(take(teachers, inOffice("诊断学教研室"), branchesElected), teachersBranch,
                    PartyPost.PROPAGANDA_COMMITTEE, branchesElected);
            post(take(teachers, inOffice("外科学教研室"), branchesElected), teachersBranch,
                    PartyPost.DISCIPLINE_COMMITTEE, branchesElected);
            for (String name : TEACHER_GROUPS) {
                OrgUnitView group = groups.get(name);
                post(take(teachers, t -> t.group == group, branchesElected), group, PartyPost.GROUP_LEADER,
                        branchesElected);
            }

            for (OrgUnitView group : studentGroups) {
                post(take(students, s -> s.group == group, studentsElected), group, PartyPost.GROUP_LEADER,
                        studentsElected);
            }
            Planned organiser = take(students, inGrade(1), studentsElected);
            post(organiser, studentsBranch, PartyPost.ORGANISATION_COMMITTEE, studentsElected);
            post(take(students, inGrade(1), studentsElected), studentsBranch, PartyPost.PROPAGANDA_COMMITTEE,
                    studentsElected);
            post(take(students, inGrade(0), studentsElected), studentsBranch, PartyPost.DISCIPLINE_COMMITTEE,
                    studentsElected);
            Planned member = students.stream().filter(s -> s.status == FULL_MEMBER && !s.hasPost).findFirst()
                    .orElseThrow();
            Planned activist = students.stream().filter(s -> s.status == ACTIVIST && s.grade == GRADES - 2)
                    .findFirst().orElseThrow();

            SecureRandom secure = new SecureRandom();
            List<DemoAccount> out = new ArrayList<>();
            out.add(account(secure, Role.GENERAL_SECRETARY, "zongzhi", generalSecretary, generalBranch));
            out.add(account(secure, Role.BRANCH_SECRETARY, "jiaogong", teachersSecretary, teachersBranch));
            out.add(account(secure, Role.BRANCH_SECRETARY, "xuesheng", counsellor, studentsBranch));
            out.add(account(secure, Role.COMMITTEE_MEMBER, "zhiwei", organiser, studentsBranch));
            out.add(account(secure, Role.MEMBER, "dangyuan", member, studentsBranch));
            out.add(account(secure, Role.PARTICIPANT, "jiji", activist, studentsBranch));
            out.add(account(secure, Role.SECURITY_ADMIN, "anquan", null, null));
            out.add(account(secure, Role.AUDITOR, "shenji", null, null));
            return out;
        }

        /** What the demo's activities need to know of the people, units, posts and accounts just created. */
        DemoRoster roster() {
            java.util.function.Function<Planned, DemoRoster.Member> member = p -> new DemoRoster.Member(p.id,
                    p.name(), p.staffNo, p.type, p.status, p.grade, p.group == null ? null : p.group.id(),
                    p.adminUnit.id(), p.office, p.partyLeader);
            return new DemoRoster(generalBranch, teachersBranch, studentsBranch, department,
                    TEACHER_GROUPS.stream().map(groups::get).toList(), List.copyOf(studentGroups), List.copyOf(classes),
                    teachers.stream().map(member).toList(), students.stream().map(member).toList(),
                    List.copyOf(postings), Map.copyOf(usernames));
        }

        private Predicate<Planned> inOffice(String office) {
            return t -> office.equals(t.office);
        }

        private Predicate<Planned> inGrade(int g) {
            return s -> s.grade == g;
        }

        /**
         * The first full member matching {@code which} who holds no post yet and was a full member by
         * {@code by}; with nobody eligible the demo plan itself is wrong.
         */
        private Planned take(List<Planned> among, Predicate<Planned> which, LocalDate by) {
            Predicate<Planned> free = p -> p.status == FULL_MEMBER && !p.hasPost && which.test(p);
            return among.stream().filter(free.and(p -> !p.since().isAfter(by))).findFirst()
                    .or(() -> among.stream().filter(free).findFirst())
                    .orElseThrow(() -> new IllegalStateException("demo: nobody eligible for a post"));
        }

        /** Assigns the post from {@code since}, or from the day the holder became a full member if later. */
        private void post(Planned p, OrgUnitView unit, PartyPost post, LocalDate since) {
            p.hasPost = true;
            people.assignPost(p.id, unit.id(), post, latest(since, p.since()));
            postings.add(new DemoRoster.Posting(p.id, unit.id(), post));
        }

        private DemoAccount account(SecureRandom secure, Role role, String username, Planned person,
                                    OrgUnitView scope) {
            String name = username.equalsIgnoreCase(adminUsername) ? username + "1" : username;
            usernames.put(username, name);
            String password = Passwords.generate(secure);
            while (policy.violation(name, password).isPresent()) {
                password = Passwords.generate(secure);
            }
            String displayName = person != null ? person.name()
                    : role == Role.SECURITY_ADMIN ? "安全管理员" : role == Role.AUDITOR ? "安全审计员" : name;
            accounts.create(new NewAccount(name, password, displayName, EnumSet.of(role),
                    scope == null ? null : scope.id(), person == null ? null : person.id));
            return new DemoAccount(role.name(), name, password, scope == null ? "" : scope.name());
        }
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
