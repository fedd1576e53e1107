package cn.hongxin.setup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.time.Period;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.AcademicYearView;
import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.CalendarPeriodView;
import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.OrganisationOverview;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonDetail;
import cn.hongxin.organisation.PersonQuery;
import cn.hongxin.organisation.PersonRow;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.organisation.SensitiveValues;
import cn.hongxin.organisation.StatusChangeView;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.AccountView;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.events.AttendanceView;
import cn.hongxin.events.ContestResultView;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventView;
import cn.hongxin.events.LectureSeriesService;
import cn.hongxin.events.LectureSeriesView;
import cn.hongxin.events.LectureTopic;
import cn.hongxin.events.LectureView;
import cn.hongxin.events.MyEvents;
import cn.hongxin.events.ResolutionState;
import cn.hongxin.events.ResolutionView;
import cn.hongxin.events.RollCallLine;
import cn.hongxin.organisation.SemesterView;
import cn.hongxin.submissions.SubmissionKind;
import cn.hongxin.submissions.SubmissionQuery;
import cn.hongxin.submissions.SubmissionService;
import cn.hongxin.submissions.SubmissionState;
import cn.hongxin.submissions.SubmissionView;
import cn.hongxin.shared.PhoneNumber;
import cn.hongxin.shared.ResidentIdNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * First-run setup with the demo, on a database of its own (setup runs once per database, so this
 * cannot share the {@code @IntegrationTest} context).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:demo-department;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@Import(DemoDepartmentTests.Published.class)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DemoDepartmentTests {

    private static final Logger log = LoggerFactory.getLogger(DemoDepartmentTests.class);

    static final String PASSWORD = "Setup-Passw0rd!";

    @Autowired
    SetupService setup;
    @Autowired
    AccountService accounts;
    @Autowired
    OrgUnitService units;
    @Autowired
    PersonService people;
    @Autowired
    OrganisationOverview overview;
    @Autowired
    AcademicCalendar calendar;
    @Autowired
    AuditTrail audit;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MessageSource messages;
    @Autowired
    EventService events;
    @Autowired
    LectureSeriesService series;
    @Autowired
    SubmissionService submissions;
    @Autowired
    Published published;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    cn.hongxin.evaluation.EvaluationService evaluation;

    SetupService.SetupResult result;
    long loadCpuMillis;
    Map<String, OrgUnitView> tree;

    @BeforeAll
    void runSetupWithTheDemo() {
        assertThat(setup.needed()).isTrue();
        // CPU time of this thread (H2 in memory and the audit's own transactions run on it too): unlike the
        // wall clock, it does not grow when other builds share the machine.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        result = setup.run(new SetupForm("测试医科大学委员会", "admin", "管理员", PASSWORD, PASSWORD, true));
        loadCpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
        log.info("Setup with the demo on {}: {} ms, {} ms CPU", database(), (System.nanoTime() - started) / 1_000_000,
                loadCpuMillis);
        tree = accounts.runAs("admin", () -> units.tree()).stream()
                .collect(Collectors.toMap(OrgUnitView::name, Function.identity()));
    }

    @Test
    void buildsTheGeneralBranchWithItsBranchesGroupsOfficesAndClasses() {
        OrgUnitView general = unit(DemoDepartment.GENERAL_BRANCH);
        OrgUnitView teachers = unit(DemoDepartment.TEACHERS_BRANCH);
        OrgUnitView students = unit(DemoDepartment.STUDENTS_BRANCH);
        OrgUnitView department = unit(DemoDepartment.DEPARTMENT);
        assertThat(general.unitType()).isEqualTo(OrgUnitType.GENERAL_BRANCH);
        assertThat(general.parentId()).isNotNull();
        assertThat(teachers.parentId()).isEqualTo(general.id());
        assertThat(teachers.unitType()).isEqualTo(OrgUnitType.BRANCH);
        assertThat(teachers.branchKind()).isEqualTo(BranchKind.TEACHERS);
        assertThat(students.parentId()).isEqualTo(general.id());
        assertThat(students.branchKind()).isEqualTo(BranchKind.STUDENTS);
        assertThat(department.parentId()).isEqualTo(general.id());
        assertThat(department.unitType()).isEqualTo(OrgUnitType.DEPARTMENT);

        assertThat(children(teachers, OrgUnitType.PARTY_GROUP)).extracting(OrgUnitView::name)
                .containsExactly("内科党小组", "外科党小组", "基础医学党小组");
        assertThat(children(students, OrgUnitType.PARTY_GROUP)).hasSizeBetween(3, 4)
                .allSatisfy(g -> assertThat(g.name()).matches("\\d{4}级党小组"));
        assertThat(children(department, OrgUnitType.TEACHING_OFFICE)).extracting(OrgUnitView::name)
                .contains("内科学教研室", "外科学教研室", "妇产科学教研室", "儿科学教研室", "诊断学教研室", "基础医学教研室");
        int year = LocalDate.now().getMonthValue() >= 9 ? LocalDate.now().getYear() : LocalDate.now().getYear() - 1;
        assertThat(children(department, OrgUnitType.CLASS)).hasSize(8).extracting(OrgUnitView::name)
                .contains("临床医学" + (year - 4) + "级1班", "临床医学" + (year - 1) + "级2班");
    }

    @Test
    void aboutFortyTeachersAndThreeHundredStudents() {
        OrganisationOverview.Overview o = overview.forScope(unit(DemoDepartment.GENERAL_BRANCH).id());
        assertThat(o.teachers()).isBetween(35L, 45L);
        assertThat(o.students()).isBetween(280L, 320L);
        assertThat(o.branches()).isEqualTo(2);
        assertThat(o.classes()).isEqualTo(8);
    }

    @Test
    void everyIdNumberIsValidAndMatchesBirthDateGenderAndAge() {
        LocalDate today = LocalDate.now();
        List<PersonRow> all = accounts.runAs("zongzhi", () -> people.all(PersonQuery.all()));
        assertThat(all).hasSizeGreaterThan(300);
        accounts.runAs("zongzhi", () -> {
            for (int i = 0; i < all.size(); i++) {
                PersonRow row = all.get(i);
                SensitiveValues clear = people.reveal(row.id());
                assertThat(ResidentIdNumber.check(clear.idNumber())).as(row.name()).isEmpty();
                ResidentIdNumber id = new ResidentIdNumber(clear.idNumber());
                assertThat(id.male()).as(row.name()).isEqualTo(row.gender() == Gender.MALE);
                assertThat(PhoneNumber.valid(clear.phone())).isTrue();
                int age = Period.between(id.birthDate(), today).getYears();
                if (row.personType() == PersonType.STUDENT) {
                    assertThat(age).as(row.name()).isBetween(18, 24);
                    assertThat(row.staffNo()).matches("20\\d{8}");
                    assertThat(row.adminUnitName()).startsWith("临床医学").endsWith("班");
                    assertThat(row.branchName()).isEqualTo(DemoDepartment.STUDENTS_BRANCH);
                } else {
                    assertThat(age).as(row.name()).isBetween(28, 60);
                    assertThat(row.staffNo()).matches("T\\d{6}");
                    assertThat(row.branchName()).isEqualTo(DemoDepartment.TEACHERS_BRANCH);
                }
                if (row.politicalStatus().partyMember() || i % 10 == 0) {
                    PersonDetail p = people.get(row.id());
                    assertThat(p.birthDate()).isEqualTo(id.birthDate());
                    assertThat(p.partyGroupId() != null).as(p.name()).isEqualTo(p.politicalStatus().partyMember());
                    assertThat(p.statusSince()).isBeforeOrEqualTo(today);
                    assertThat(p.ethnicity()).endsWith("族");
                    assertThat(p.statusHistory()).isNotEmpty();
                    assertThat(p.statusHistory().get(p.statusHistory().size() - 1).status())
                            .isEqualTo(p.politicalStatus());
                    assertThat(p.statusHistory()).extracting(StatusChangeView::effectiveOn).isSorted();
                }
            }
            return null;
        });
        assertThat(all).allSatisfy(r -> assertThat(r.name().length()).isBetween(2, 3));
        assertThat(all.stream().map(PersonRow::name).distinct().count()).isEqualTo(all.size());
    }

    @Test
    void politicalStatusesInRealisticProportions() {
        Map<PoliticalStatus, Long> teachers = counts(PersonType.TEACHER);
        long t = teachers.values().stream().mapToLong(Long::longValue).sum();
        assertThat(share(teachers, PoliticalStatus.FULL_MEMBER, t)).isBetween(0.55, 0.75);
        assertThat(teachers.get(PoliticalStatus.PROBATIONARY_MEMBER)).isBetween(1L, 4L);
        assertThat(teachers.get(PoliticalStatus.MASSES)).isPositive();

        Map<PoliticalStatus, Long> students = counts(PersonType.STUDENT);
        long s = students.values().stream().mapToLong(Long::longValue).sum();
        assertThat(share(students, PoliticalStatus.FULL_MEMBER, s)).isBetween(0.05, 0.11);
        assertThat(share(students, PoliticalStatus.PROBATIONARY_MEMBER, s)).isBetween(0.03, 0.08);
        assertThat(share(students, PoliticalStatus.CANDIDATE, s)).isBetween(0.03, 0.08);
        assertThat(share(students, PoliticalStatus.ACTIVIST, s)).isBetween(0.10, 0.20);
        assertThat(share(students, PoliticalStatus.APPLICANT, s)).isBetween(0.15, 0.25);
        assertThat(share(students, PoliticalStatus.LEAGUE_MEMBER, s)).isBetween(0.35, 0.60);
        assertThat(share(students, PoliticalStatus.MASSES, s)).isBetween(0.005, 0.05);

        long leaders = accounts.runAs("admin", () -> people.all(new PersonQuery(null, null, null, PersonType.TEACHER,
                null))).stream().filter(PersonRow::partyLeader).count();
        assertThat(leaders).isBetween(3L, 7L);
    }

    @Test
    void aFullMemberHasWalkedTheWholeRoad() {
        PersonRow member = accounts.runAs("admin", () -> people.search(new PersonQuery(null, null,
                PoliticalStatus.FULL_MEMBER, PersonType.STUDENT, null), 0, 1).getContent().get(0));
        PersonDetail detail = accounts.runAs("admin", () -> people.get(member.id()));
        assertThat(detail.statusHistory()).extracting(StatusChangeView::status).containsExactly(
                PoliticalStatus.APPLICANT, PoliticalStatus.ACTIVIST, PoliticalStatus.CANDIDATE,
                PoliticalStatus.PROBATIONARY_MEMBER, PoliticalStatus.FULL_MEMBER);
        StatusChangeView probation = detail.statusHistory().get(3);
        assertThat(detail.statusSince()).isBetween(probation.effectiveOn().plusYears(1),
                probation.effectiveOn().plusYears(1).plusDays(14));
    }

    @Test
    void everyCommitteeAndGroupHasItsPosts() {
        List<PersonRow> all = accounts.runAs("admin", () -> people.all(PersonQuery.all()));
        Map<Long, List<PersonDetail.PostView>> postsByUnit = accounts.runAs("admin", () -> all.stream()
                .filter(r -> !r.posts().isEmpty())
                .flatMap(r -> people.get(r.id()).posts().stream())
                .collect(Collectors.groupingBy(PersonDetail.PostView::orgUnitId)));
        assertThat(posts(postsByUnit, DemoDepartment.GENERAL_BRANCH)).containsExactlyInAnyOrder(PartyPost.SECRETARY,
                PartyPost.DEPUTY_SECRETARY, PartyPost.ORGANISATION_COMMITTEE, PartyPost.PROPAGANDA_COMMITTEE,
                PartyPost.DISCIPLINE_COMMITTEE);
        for (String branch : List.of(DemoDepartment.TEACHERS_BRANCH, DemoDepartment.STUDENTS_BRANCH)) {
            assertThat(posts(postsByUnit, branch)).containsExactlyInAnyOrder(PartyPost.SECRETARY,
                    PartyPost.ORGANISATION_COMMITTEE, PartyPost.PROPAGANDA_COMMITTEE, PartyPost.DISCIPLINE_COMMITTEE);
        }
        for (OrgUnitView group : tree.values()) {
            if (group.unitType() == OrgUnitType.PARTY_GROUP) {
                assertThat(postsByUnit.get(group.id())).as(group.name()).extracting(PersonDetail.PostView::post)
                        .containsExactly(PartyPost.GROUP_LEADER);
            }
        }
        // Post holders are full members; the students' branch is led by a teacher, its committee are students.
        for (PersonRow r : all) {
            if (!r.posts().isEmpty()) {
                assertThat(r.politicalStatus()).as(r.name()).isEqualTo(PoliticalStatus.FULL_MEMBER);
            }
        }
        assertThat(all).filteredOn(r -> r.personType() == PersonType.STUDENT && !r.posts().isEmpty())
                .hasSizeGreaterThanOrEqualTo(3)
                .noneMatch(r -> r.posts().contains(PartyPost.SECRETARY));
    }

    @Test
    void oneDemoAccountPerRoleWithTheRightScopeAndAWorkingPassword() {
        Map<String, DemoAccount> byName = result.demoAccounts().stream()
                .collect(Collectors.toMap(DemoAccount::username, Function.identity()));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("zongzhi", "jiaogong", "xuesheng", "zhiwei",
                "dangyuan", "jiji", "anquan", "shenji");
        expect(byName, "zongzhi", Role.GENERAL_SECRETARY, DemoDepartment.GENERAL_BRANCH, PersonType.TEACHER, null);
        expect(byName, "jiaogong", Role.BRANCH_SECRETARY, DemoDepartment.TEACHERS_BRANCH, PersonType.TEACHER, null);
        expect(byName, "xuesheng", Role.BRANCH_SECRETARY, DemoDepartment.STUDENTS_BRANCH, PersonType.TEACHER, null);
        expect(byName, "zhiwei", Role.COMMITTEE_MEMBER, DemoDepartment.STUDENTS_BRANCH, PersonType.STUDENT,
                PoliticalStatus.FULL_MEMBER);
        expect(byName, "dangyuan", Role.MEMBER, DemoDepartment.STUDENTS_BRANCH, PersonType.STUDENT,
                PoliticalStatus.FULL_MEMBER);
        expect(byName, "jiji", Role.PARTICIPANT, DemoDepartment.STUDENTS_BRANCH, PersonType.STUDENT,
                PoliticalStatus.ACTIVIST);
        expect(byName, "anquan", Role.SECURITY_ADMIN, null, null, null);
        expect(byName, "shenji", Role.AUDITOR, null, null, null);
        assertThat(result.demoAccounts().stream().map(DemoAccount::password).distinct()).hasSize(8);
    }

    @Test
    void theStudentsBranchSecretarySeesOnlyStudents() {
        List<PersonRow> seen = accounts.runAs("xuesheng", () -> people.search(PersonQuery.all(), 0, 500).getContent());
        assertThat(seen).hasSize((int) overview.forScope(unit(DemoDepartment.STUDENTS_BRANCH).id()).students())
                .allSatisfy(r -> assertThat(r.personType()).isEqualTo(PersonType.STUDENT));
        List<PersonRow> teachers = accounts.runAs("jiaogong", () -> people.search(PersonQuery.all(), 0, 500)
                .getContent());
        assertThat(teachers).isNotEmpty().allSatisfy(r -> assertThat(r.personType()).isEqualTo(PersonType.TEACHER));
        assertThat(accounts.runAs("xuesheng", () -> units.tree())).extracting(OrgUnitView::name)
                .contains(DemoDepartment.STUDENTS_BRANCH).doesNotContain(DemoDepartment.TEACHERS_BRANCH);
    }

    @Test
    void theCalendarHoldsThisAcademicYear() {
        LocalDate today = LocalDate.now();
        AcademicYearView year = calendar.yearOn(today).orElseThrow();
        assertThat(year.startDate().getMonthValue()).isEqualTo(9);
        assertThat(year.semesters()).hasSize(2);
        assertThat(year.periods()).filteredOn(p -> p.kind() == CalendarPeriodKind.WINDOW)
                .extracting(CalendarPeriodView::code)
                .containsExactlyInAnyOrder("OCTOBER_FIRST", "QINGMING", "JULY_FIRST");
        assertThat(year.periods()).filteredOn(p -> p.kind() == CalendarPeriodKind.HOLIDAY)
                .extracting(CalendarPeriodView::name).contains("国庆节", "元旦", "清明节", "劳动节", "端午节");
    }

    @Test
    void theAuditTrailStaysIntact() {
        // Only the auditor may read and verify the trail (separation of powers).
        assertThat(accounts.runAs("shenji", () -> audit.verify())).isEmpty();
    }

    @Test
    void demoOnAnAlreadySetUpDatabaseLoadsNothing(CapturedOutput output) throws Exception {
        long before = accounts.runAs("admin", () -> accounts.search("", 0, 100).getTotalElements());
        new DemoCommandRunner(setup, true, messages).run(new DefaultApplicationArguments("--demo"));
        assertThat(accounts.runAs("admin", () -> accounts.search("", 0, 100).getTotalElements())).isEqualTo(before);
        assertThat(output).contains("already set up").doesNotContain("demo accounts (shown once)");
    }

    // ---- the half-semester of activity ---------------------------------------------------------

    /** Past-tense events of the events and submissions modules, counted as they are published. */
    static class Published {
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @EventListener
        void on(Object event) {
            if (event.getClass().getName().startsWith("cn.hongxin.")) {
                counts.computeIfAbsent(event.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            }
        }

        int count(String simpleName) {
            AtomicInteger n = counts.get(simpleName);
            return n == null ? 0 : n.get();
        }
    }

    String database() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(EventService.ZONE);
    }

    private SemesterView semester() {
        return calendar.yearOn(today()).orElseThrow().semesters().stream()
                .filter(s -> !s.startDate().isAfter(today())).reduce((a, b) -> b).orElseThrow();
    }

    /** Whole weeks of the current semester that have passed. */
    private long weeksPassed() {
        return java.time.temporal.ChronoUnit.WEEKS.between(semester().startDate(), today());
    }

    /** Every event from the start of the semester up to two weeks ahead, as the general secretary sees them. */
    private List<EventView> semesterEvents() {
        return accounts.runAs("zongzhi", () -> events.calendar(semester().startDate(), today().plusDays(15)));
    }

    private List<EventView> past() {
        return semesterEvents().stream().filter(e -> e.startsAt().toLocalDate().isBefore(today())).toList();
    }

    private Map<String, Long> byType(List<EventView> list) {
        return list.stream().collect(Collectors.groupingBy(e -> e.type().code(), Collectors.counting()));
    }

    @Test
    void thePastWeeksHoldEveryKindOfMeetingAndActivity() {
        assumeTrue(weeksPassed() >= 10, "the semester is too young for the full picture");
        long months = weeksPassed() / 5;
        Map<String, Long> kinds = byType(past());
        log.info("Past events of the demo by kind: {}", kinds);
        assertThat(kinds.get("REGULAR_PARTY_MEETING")).isBetween(months, months + 2);
        assertThat(kinds.get("JOINT_PARTY_ADMIN_MEETING")).isBetween(months, months + 2);
        assertThat(kinds.get("SPECIAL_PARTY_MEETING")).isEqualTo(1L);
        assertThat(kinds.get("BRANCH_COMMITTEE_MEETING")).isGreaterThanOrEqualTo(2 * months);
        assertThat(kinds.get("BRANCH_GENERAL_MEETING")).isGreaterThanOrEqualTo(2L);
        assertThat(kinds.get("PARTY_GROUP_MEETING")).isGreaterThanOrEqualTo(5 * months);
        assertThat(kinds.get("THEMED_PARTY_DAY")).isGreaterThanOrEqualTo(2 * months);
        assertThat(kinds.get("WEDNESDAY_LECTURE")).isGreaterThanOrEqualTo(weeksPassed() - 2);
        assertThat(kinds).containsKeys("RED_BOOK_READING", "RED_SONG_CONTEST", "VOLUNTEER_SERVICE", "FITNESS",
                "HEALTH_TALK");
        assertThat(past()).filteredOn(e -> e.type().code().equals("HEALTH_TALK"))
                .allSatisfy(e -> assertThat(e.organiserUnitName()).isEqualTo(DemoDepartment.TEACHERS_BRANCH));
        assertThat(past()).filteredOn(e -> e.type().code().equals("REGULAR_PARTY_MEETING"))
                .allSatisfy(e -> assertThat(e.organiserUnitName()).isEqualTo(DemoDepartment.GENERAL_BRANCH));
        assertThat(past()).filteredOn(e -> e.type().code().equals("PARTY_GROUP_MEETING"))
                .extracting(EventView::organiserUnitName).anyMatch(n -> n.endsWith("级党小组"))
                .anyMatch(n -> n.equals("内科党小组"));
    }

    @Test
    void everyPastEventIsClosedWithAttendanceAndNothingAheadIsClosedOrAttended() {
        List<EventView> all = semesterEvents();
        assertThat(all).isNotEmpty();
        Map<AttendanceStatus, Integer> statuses = new java.util.EnumMap<>(AttendanceStatus.class);
        accounts.runAs("zongzhi", () -> {
            for (EventView e : all) {
                List<RollCallLine> roll = events.rollCall(e.id());
                assertThat(events.get(e.id()).invitedCount()).as(e.title()).isPositive();
                List<AttendanceView> recorded = roll.stream().map(RollCallLine::attendance)
                        .filter(java.util.Objects::nonNull).toList();
                if (e.startsAt().toLocalDate().isBefore(today())) {
                    assertThat(e.state()).as(e.title()).isEqualTo(EventState.DONE);
                    assertThat(e.summary()).as(e.title()).isNotBlank();
                    long attended = recorded.stream().filter(a -> a.status().attended()).count();
                    assertThat(attended).as(e.title()).isPositive().isGreaterThanOrEqualTo(recorded.size() / 3);
                    recorded.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
                    recorded.stream().filter(a -> a.status() == AttendanceStatus.EXCUSED)
                            .forEach(a -> assertThat(a.reason()).isNotBlank());
                } else {
                    assertThat(e.state()).as(e.title()).isEqualTo(EventState.PLANNED);
                    assertThat(recorded).as(e.title()).isEmpty();
                }
            }
            return null;
        });
        if (!past().isEmpty()) {
            assertThat(statuses.keySet()).containsExactlyInAnyOrder(AttendanceStatus.values());
            assertThat(statuses.get(AttendanceStatus.PRESENT))
                    .isGreaterThan(5 * (statuses.get(AttendanceStatus.ABSENT) + statuses.get(AttendanceStatus.EXCUSED)));
        }
    }

    @Test
    void meetingsHaveMinutesResolutionsAndOneOverdueFollowUp() {
        assumeTrue(weeksPassed() >= 6, "the semester is too young for overdue follow-ups");
        List<EventView> meetings = past().stream().filter(e -> List.of("MEETING", "STANDARD")
                .contains(e.type().category().name()) && !e.type().code().equals("THEMED_PARTY_DAY")).toList();
        assertThat(meetings).isNotEmpty().allSatisfy(e -> {
            assertThat(e.minutes()).as(e.title()).contains("会议议题", "会议决议", "应到", "实到", "主持人");
            assertThat(e.agenda()).as(e.title()).isNotBlank();
        });
        List<ResolutionView> resolutions = accounts.runAs("zongzhi", () -> meetings.stream()
                .flatMap(e -> events.resolutions(e.id()).stream()).toList());
        assertThat(resolutions).hasSizeGreaterThan(10)
                .allSatisfy(r -> {
                    assertThat(r.assigneeName()).isNotBlank();
                    assertThat(r.dueOn()).isNotNull();
                });
        assertThat(resolutions).anyMatch(r -> r.state() == ResolutionState.DONE)
                .anyMatch(r -> r.state() == ResolutionState.OPEN && !r.dueOn().isBefore(today()));
        assertThat(resolutions).filteredOn(r -> r.state() == ResolutionState.OPEN && r.dueOn().isBefore(today()))
                .hasSize(1);
        assertThat(past()).filteredOn(e -> !e.tags().isEmpty()).extracting(e -> e.type().code())
                .contains("RED_BOOK_READING", "VOLUNTEER_SERVICE", "RED_SONG_CONTEST");
    }

    @Test
    void theCurrentLectureSeriesHasGivenAndPlannedLectures() {
        List<LectureSeriesView> list = accounts.runAs("zongzhi", () -> series.list());
        assertThat(list).hasSize(1);
        LectureSeriesView s = list.get(0);
        assertThat(s.semesterId()).isEqualTo(semester().id());
        assertThat(s.name()).contains("周三讲堂");
        List<LectureView> lectures = accounts.runAs("zongzhi", () -> series.lectures(s.id()));
        List<CalendarPeriodView> holidays = calendar.yearOn(today()).orElseThrow().periods().stream()
                .filter(p -> p.kind() == CalendarPeriodKind.HOLIDAY).toList();
        assertThat(lectures).hasSizeBetween(semester().teachingWeeks() - 3, semester().teachingWeeks())
                .allSatisfy(l -> {
                    assertThat(l.date().getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
                    assertThat(holidays).noneMatch(h -> h.contains(l.date()));
                    assertThat(l.speakerPersonId()).as(l.title()).isNotNull();
                    assertThat(l.title()).doesNotContain("（第");
                });
        for (int i = 0; i < lectures.size(); i++) {
            assertThat(lectures.get(i).topic()).isEqualTo(LectureTopic.PARTY_LECTURE.plus(i));
        }
        assertThat(lectures).extracting(LectureView::title).contains("学习贯彻党的二十届四中全会精神专题党课");
        List<LectureView> given = lectures.stream().filter(l -> l.date().isBefore(today())).toList();
        List<LectureView> ahead = lectures.stream().filter(l -> l.date().isAfter(today())).toList();
        assertThat(given).allSatisfy(l -> assertThat(l.state()).isEqualTo(EventState.DONE));
        assertThat(ahead).isNotEmpty().allSatisfy(l -> {
            assertThat(l.state()).isEqualTo(EventState.PLANNED);
            assertThat(l.feedbackCount()).isZero();
        });
        if (weeksPassed() >= 4) {
            assertThat(given).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(l -> assertThat(l.feedbackCount()).as(l.title()).isPositive());
            assertThat(given).allSatisfy(l -> assertThat(l.averageRating()).isBetween(3.0, 5.0));
            // Speakers are the party leaders among the teachers and the committee.
            List<Long> speakers = given.stream().map(LectureView::speakerPersonId).distinct().toList();
            assertThat(speakers).hasSizeGreaterThanOrEqualTo(3);
            accounts.runAs("admin", () -> {
                speakers.forEach(id -> {
                    PersonDetail p = people.get(id);
                    assertThat(p.personType()).isEqualTo(PersonType.TEACHER);
                    assertThat(p.politicalStatus()).isEqualTo(PoliticalStatus.FULL_MEMBER);
                });
                return null;
            });
            assertThat(published.count("LectureGiven")).isEqualTo(given.size());
        }
    }

    @Test
    void studentActivitiesHaveResultsAndVolunteerHours() {
        assumeTrue(weeksPassed() >= 10, "the semester is too young for the full picture");
        EventView song = one("RED_SONG_CONTEST");
        List<ContestResultView> results = accounts.runAs("zongzhi", () -> events.contestResults(song.id()));
        assertThat(results).hasSize(8).allSatisfy(r -> {
            assertThat(r.teamName()).contains("合唱队");
            assertThat(r.score()).isBetween(new java.math.BigDecimal("80"), new java.math.BigDecimal("100"));
            assertThat(r.award()).isNotBlank();
        });
        assertThat(results).extracting(ContestResultView::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(results).extracting(ContestResultView::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(results.get(0).award()).isEqualTo("一等奖");

        List<EventView> services = past().stream().filter(e -> e.type().code().equals("VOLUNTEER_SERVICE")).toList();
        assertThat(services).isNotEmpty();
        accounts.runAs("zongzhi", () -> {
            for (EventView e : services) {
                assertThat(events.volunteerHours(e.id())).hasSizeGreaterThan(5)
                        .allSatisfy(h -> assertThat(h.hours()).isBetween(new java.math.BigDecimal("1"),
                                new java.math.BigDecimal("8")));
            }
            return null;
        });
        if (semester().ordinal() == 1) {
            EventView posters = one("RED_NEWSPAPER");
            assertThat(accounts.runAs("zongzhi", () -> events.contestResults(posters.id()))).hasSize(6)
                    .allSatisfy(r -> assertThat(r.personName()).isNotBlank());
        }
        assertThat(published.count("VolunteerHoursRecorded")).isPositive();
    }

    private EventView one(String code) {
        List<EventView> found = past().stream().filter(e -> e.type().code().equals(code)).toList();
        assertThat(found).as(code).hasSize(1);
        return found.get(0);
    }

    @Test
    void submissionsInEveryStateWithSomeStudentsBehindAndSomeAhead() {
        assumeTrue(weeksPassed() >= 10, "the semester is too young for the full picture");
        List<SubmissionView> all = new ArrayList<>();
        accounts.runAs("xuesheng", () -> {
            for (SubmissionState state : SubmissionState.values()) {
                for (int page = 0; ; page++) {
                    var found = submissions.pending(new SubmissionQuery(null, state, null), page, 200);
                    all.addAll(found.getContent());
                    if (!found.hasNext()) {
                        break;
                    }
                }
            }
            return null;
        });
        Map<SubmissionKind, Map<SubmissionState, Long>> byKind = all.stream().collect(Collectors.groupingBy(
                SubmissionView::kind, Collectors.groupingBy(SubmissionView::state, Collectors.counting())));
        log.info("Demo submissions by kind and state: {}", byKind);
        assertThat(byKind.get(SubmissionKind.READING_NOTE)).containsKeys(SubmissionState.values());
        assertThat(byKind.get(SubmissionKind.POEM)).containsKeys(SubmissionState.VERIFIED, SubmissionState.SUBMITTED);
        assertThat(byKind.get(SubmissionKind.VOLUNTEER_HOURS)).containsKeys(SubmissionState.VERIFIED,
                SubmissionState.REJECTED);
        assertThat(byKind.get(SubmissionKind.ESSAY)).containsKey(SubmissionState.SUBMITTED);
        if (semester().ordinal() == 1) {
            assertThat(byKind.get(SubmissionKind.POSTER)).containsKeys(SubmissionState.VERIFIED,
                    SubmissionState.SUBMITTED);
            CalendarPeriodView october = calendar.yearOn(today()).orElseThrow().periods().stream()
                    .filter(p -> "OCTOBER_FIRST".equals(p.code())).findFirst().orElseThrow();
            assertThat(all).filteredOn(s -> s.kind() == SubmissionKind.POSTER).allSatisfy(s -> {
                assertThat(s.windowCode()).isEqualTo("OCTOBER_FIRST");
                assertThat(october.contains(s.activityDate())).isTrue();
                assertThat(s.fileId()).isNotNull();
            });
        }
        assertThat(all).filteredOn(s -> s.state() == SubmissionState.REJECTED)
                .allSatisfy(s -> assertThat(s.rejectReason()).isNotBlank());
        assertThat(all).allSatisfy(s -> assertThat(s.activityDate()).isBefore(today()));

        // Ahead: several verified; behind: students with an account and nothing verified.
        Map<Long, Long> verified = all.stream().filter(s -> s.state() == SubmissionState.VERIFIED)
                .collect(Collectors.groupingBy(SubmissionView::personId, Collectors.counting()));
        assertThat(verified.values().stream().mapToLong(Long::longValue).max().orElse(0)).isGreaterThanOrEqualTo(4);
        List<Long> withAccounts = accounts.runAs("admin", () -> accounts.search("", 0, 200)).getContent().stream()
                .filter(a -> a.personId() != null && a.roles().stream().anyMatch(r -> r == Role.MEMBER
                        || r == Role.PARTICIPANT)).map(AccountView::personId).toList();
        assertThat(withAccounts).hasSizeGreaterThan(20);
        assertThat(withAccounts.stream().filter(id -> !verified.containsKey(id)).count()).isGreaterThanOrEqualTo(3);
        assertThat(published.count("SubmissionVerified")).isEqualTo(all.stream()
                .filter(s -> s.state() == SubmissionState.VERIFIED).count());
        assertThat(published.count("SubmissionRejected")).isPositive();
        assertThat(published.count("VolunteerHoursVerified")).isPositive();
    }

    @Test
    void pastTenseEventsArePublishedAsInRealUse() {
        long closed = past().size();
        assertThat(published.count("EventClosed")).isEqualTo((int) closed);
        long attendances = accounts.runAs("zongzhi", () -> past().stream()
                .mapToLong(e -> events.rollCall(e.id()).stream().filter(l -> l.attendance() != null).count()).sum());
        assertThat(published.count("AttendanceRecorded")).isEqualTo((int) attendances);
        log.info("Published by the demo: {}", published.counts);
    }

    @Test
    void theNextTwoWeeksArePlannedWithInvitees() {
        List<EventView> ahead = semesterEvents().stream().filter(e -> e.startsAt().toLocalDate().isAfter(today()))
                .toList();
        assertThat(ahead).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(e -> {
                    assertThat(e.state()).isEqualTo(EventState.PLANNED);
                    assertThat(accounts.runAs("zongzhi", () -> events.get(e.id())).invitedCount()).isPositive();
                });
        assertThat(byType(ahead).keySet()).hasSizeGreaterThanOrEqualTo(3);
        MyEvents mine = accounts.runAs("dangyuan", () -> events.mine());
        assertThat(mine.upcoming()).isNotEmpty();
        if (weeksPassed() >= 4) {
            assertThat(mine.past()).isNotEmpty().anyMatch(l -> l.attendance() != null && l.attendance().attended());
        }
    }

    @Test
    void nothingIsCreatedTwice() {
        List<EventView> all = semesterEvents();
        assertThat(all.stream().map(e -> e.type().code() + "|" + e.title() + "|" + e.startsAt()).distinct().count())
                .isEqualTo(all.size());
        assertThat(accounts.runAs("zongzhi", () -> series.list())).hasSize(1);
    }

    @Test
    void theCalendarPageOfThisMonthShowsTheEvents() throws Exception {
        List<EventView> thisMonth = semesterEvents().stream()
                .filter(e -> java.time.YearMonth.from(e.startsAt()).equals(java.time.YearMonth.from(today())))
                .toList();
        assertThat(thisMonth).isNotEmpty();
        String page = mvc.perform(get("/events/calendar").with(testAccounts.as("zongzhi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long shown = thisMonth.stream().filter(e -> page.contains(html(e.title()))).count();
        assertThat(shown).as("events of this month on the calendar page").isGreaterThanOrEqualTo(
                Math.min(5, thisMonth.size()));
        mvc.perform(get("/events/" + thisMonth.get(0).id()).with(testAccounts.as("zongzhi")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
                        html(thisMonth.get(0).title()))));
    }

    /** As Thymeleaf escapes text: the five characters of XML (the Chinese quotation marks stay as they are). */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private void expect(Map<String, DemoAccount> byName, String username, Role role, String scope,
                        PersonType personType, PoliticalStatus status) {
        DemoAccount shown = byName.get(username);
        assertThat(shown.role()).isEqualTo(role.name());
        assertThat(shown.scope()).isEqualTo(scope == null ? "" : scope);
        AccountView account = accounts.runAs("admin", () -> accounts.search(username, 0, 10)).getContent().stream()
                .filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        assertThat(account.roles()).containsExactly(role);
        assertThat(account.scopeOrgUnitId()).isEqualTo(scope == null ? null : unit(scope).id());
        assertThat(encoder.matches(shown.password(), userDetails.loadUserByUsername(username).getPassword()))
                .as("password of %s", username).isTrue();
        if (personType == null) {
            assertThat(account.personId()).isNull();
            return;
        }
        PersonDetail person = accounts.runAs("admin", () -> people.get(account.personId()));
        assertThat(person.personType()).isEqualTo(personType);
        assertThat(account.displayName()).isEqualTo(person.name());
        if (status != null) {
            assertThat(person.politicalStatus()).isEqualTo(status);
        }
        if (role == Role.BRANCH_SECRETARY || role == Role.GENERAL_SECRETARY) {
            assertThat(person.posts()).anySatisfy(p -> {
                assertThat(p.post()).isEqualTo(PartyPost.SECRETARY);
                assertThat(p.orgUnitName()).isEqualTo(scope);
            });
        }
        if (role == Role.COMMITTEE_MEMBER) {
            assertThat(person.posts()).anySatisfy(p -> assertThat(p.orgUnitName()).isEqualTo(scope));
        }
    }

    private Map<PoliticalStatus, Long> counts(PersonType type) {
        Map<PoliticalStatus, Long> out = new EnumMap<>(PoliticalStatus.class);
        accounts.runAs("admin", () -> {
            for (PoliticalStatus s : PoliticalStatus.values()) {
                out.put(s, people.search(new PersonQuery(null, null, s, type, null), 0, 1).getTotalElements());
            }
            return null;
        });
        return out;
    }

    private static double share(Map<PoliticalStatus, Long> counts, PoliticalStatus status, long total) {
        return counts.get(status) / (double) total;
    }

    private List<PartyPost> posts(Map<Long, List<PersonDetail.PostView>> byUnit, String unit) {
        return byUnit.get(unit(unit).id()).stream().map(PersonDetail.PostView::post).toList();
    }

    private OrgUnitView unit(String name) {
        OrgUnitView unit = tree.get(name);
        assertThat(unit).as(name).isNotNull();
        return unit;
    }

    private List<OrgUnitView> children(OrgUnitView parent, OrgUnitType type) {
        return accounts.runAs("admin", () -> units.tree()).stream()
                .filter(u -> Long.valueOf(parent.id()).equals(u.parentId()) && u.unitType() == type).toList();
    }

    @Test
    void mostFollowUpsAreDoneOnTimeSoTheDashboardShowsAPlausibleRate() {
        assumeTrue(weeksPassed() >= 6, "the semester is too young for overdue follow-ups");
        List<EventView> meetings = past();
        Map<Long, LocalDate> held = meetings.stream()
                .collect(Collectors.toMap(EventView::id, e -> e.startsAt().toLocalDate()));
        List<ResolutionView> due = accounts.runAs("zongzhi", () -> meetings.stream()
                .flatMap(e -> events.resolutions(e.id()).stream()).toList()).stream()
                .filter(r -> r.dueOn().isBefore(today())).toList();
        List<ResolutionView> done = due.stream().filter(r -> r.state() == ResolutionState.DONE).toList();
        assertThat(done).allSatisfy(r -> {
            assertThat(r.doneOn()).as("not in the future").isBeforeOrEqualTo(today());
            assertThat(r.doneOn()).as("not before the meeting").isAfterOrEqualTo(held.get(r.eventId()));
        });
        long onTime = done.stream().filter(r -> !r.late()).count();
        long late = done.stream().filter(ResolutionView::late).count();
        assertThat(late).as("a few late").isPositive();
        assertThat(onTime).as("most on time").isGreaterThan(3 * (late + 1));

        cn.hongxin.evaluation.EvaluationViews.IndicatorCard rate = accounts.runAs("zongzhi",
                () -> evaluation.indicators(null, today())).stream()
                .filter(c -> c.code().equals("RESOLUTIONS_ON_TIME")).findFirst().orElseThrow();
        assertThat(rate.value()).as("会议决议按期落实率").isNotNull()
                .isGreaterThan(java.math.BigDecimal.valueOf(60)).isLessThan(java.math.BigDecimal.valueOf(100));
    }
}
