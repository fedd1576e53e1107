package cn.hongxin.mentoring;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.PersonForm;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/**
 * A fresh department with the people of one pair (a party-member teacher, a non-member teacher, a student),
 * another party-member teacher, and accounts for each of them and for the secretaries around them.
 */
@Component
public class MentoringFixtures {

    /** The people of a pair and everyone around it, with their usernames. */
    public record Cast(TestOrganisation.Department dept, long lead, long partner, long student, long otherTeacher,
                       String leadAccount, String partnerAccount, String studentAccount, String otherTeacherAccount,
                       String teachersSecretary, String generalSecretary, String studentsSecretary, String sysadmin) {
    }

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final AccountService accountService;
    private final PersonService people;
    private final MentoringService mentoring;
    private final MentoringLedger ledger;
    private final JdbcClient jdbc;

    MentoringFixtures(TestOrganisation org, TestAccounts accounts, AccountService accountService, PersonService people,
                      MentoringService mentoring, MentoringLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.org = org;
        this.accounts = accounts;
        this.accountService = accountService;
        this.people = people;
        this.mentoring = mentoring;
        this.jdbc = jdbc;
    }

    public Cast cast() {
        TestOrganisation.Department dept = org.department();
        long lead = teacher(dept, "杨建华", PoliticalStatus.FULL_MEMBER);
        long partner = teacher(dept, "周晓梅", PoliticalStatus.MASSES);
        long student = student(dept, "陈思远", PoliticalStatus.LEAGUE_MEMBER);
        long other = teacher(dept, "吴国栋", PoliticalStatus.FULL_MEMBER);
        return new Cast(dept, lead, partner, student, other, account(lead, Role.MEMBER),
                account(partner, Role.PARTICIPANT), account(student, Role.PARTICIPANT), account(other, Role.MEMBER),
                accounts.create("tea-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.teachersBranch().id()),
                accounts.create("gen-sec", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id()),
                accounts.create("stu-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id()),
                org.admin());
    }

    /** A teacher of the department's teaching office, in the teachers' branch. */
    public long teacher(TestOrganisation.Department dept, String name, PoliticalStatus status) {
        return person(dept, name, status, PersonType.TEACHER, dept.teachingOffice().id(), dept.teachersBranch().id());
    }

    /** A student of the department's class, in the students' branch. */
    public long student(TestOrganisation.Department dept, String name, PoliticalStatus status) {
        return person(dept, name, status, PersonType.STUDENT, dept.clazz().id(), dept.studentsBranch().id());
    }

    public long person(TestOrganisation.Department dept, String name, PoliticalStatus status, PersonType type,
                       Long adminUnitId, Long branchId) {
        return accounts.runAs(org.admin(), () -> people.create(new PersonForm(name, Gender.FEMALE, "汉族", null, null,
                null, null, "M" + System.nanoTime(), type, adminUnitId, branchId, null, status, null, false)));
    }

    /** An account linked to the person. */
    public String account(long personId, Role role) {
        String username = "mentor-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(username, TestAccounts.PASSWORD,
                username, EnumSet.of(role), null, personId)));
        return username;
    }

    /** A pair of the cast formed by the general secretary, started {@code daysAgo} days ago. */
    public long pair(Cast c, int daysAgo) {
        return accounts.runAs(c.generalSecretary(), () -> mentoring.form(new NewPair(c.student(), c.lead(), c.partner(),
                Set.of(CareNeed.STUDY, CareNeed.FINANCIAL), "本学期补齐两门不及格课程，申请助学金", 
                MentoringService.today().minusDays(daysAgo))));
    }

    public HelpRecordView logHelp(String username, long pairId, String content) {
        return accounts.runAs(username, () -> mentoring.logHelpRecord(pairId, new NewHelpRecord(
                UUID.randomUUID().toString(), MentoringService.today(), HelpMode.TALK, content, "下周再约谈")));
    }

    public MentoringLedger ledger() {
        return ledger;
    }

    public long pairs() {
        return jdbc.sql("select count(*) from mentoring_pair").query(Long.class).single();
    }

    /** Audit entries of this action on this pair by this account. */
    public long auditRows(String username, String action, long pairId) {
        return jdbc.sql("select count(*) from audit_entry where actor = :a and action = :act and object_type = 'mentoring_pair'"
                        + " and object_id = :id")
                .param("a", username).param("act", action).param("id", String.valueOf(pairId)).query(Long.class).single();
    }

    public static LocalDate today() {
        return MentoringService.today();
    }
}
