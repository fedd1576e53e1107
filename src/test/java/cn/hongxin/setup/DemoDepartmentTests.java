package cn.hongxin.setup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.Period;
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
import org.springframework.context.MessageSource;
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
import cn.hongxin.shared.PhoneNumber;
import cn.hongxin.shared.ResidentIdNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First-run setup with the demo, on a database of its own (setup runs once per database, so this
 * cannot share the {@code @IntegrationTest} context).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:demo-department;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
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
        log.info("Setup with the demo: {} ms, {} ms CPU", (System.nanoTime() - started) / 1_000_000, loadCpuMillis);
        tree = accounts.runAs("admin", () -> units.tree()).stream()
                .collect(Collectors.toMap(OrgUnitView::name, Function.identity()));
    }

    @Test
    void loadsQuickly() {
        assertThat(loadCpuMillis).as("setup with the demo took %d ms CPU", loadCpuMillis).isLessThan(20_000);
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
}
