package cn.hongxin.events;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

/** A department with two students and their accounts, a branch secretary each side, and events to work on. */
class EventFixtures {

    record Branches(TestOrganisation.Department dept, long alice, long bob, long teacher, String aliceAccount,
                    String bobAccount, String studentsSecretary, String teachersSecretary) {
    }

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final AccountService accountService;
    private final PersonService people;
    private final EventService events;
    private final EventTypeService types;

    EventFixtures(TestOrganisation org, TestAccounts accounts, AccountService accountService, PersonService people,
                  EventService events, EventTypeService types) {
        this.org = org;
        this.accounts = accounts;
        this.accountService = accountService;
        this.people = people;
        this.events = events;
        this.types = types;
    }

    Branches branches() {
        TestOrganisation.Department dept = org.department();
        long alice = person(dept, "李红", PoliticalStatus.FULL_MEMBER, false);
        long bob = person(dept, "王强", PoliticalStatus.ACTIVIST, false);
        long teacher = person(dept, "赵老师", PoliticalStatus.FULL_MEMBER, true);
        return new Branches(dept, alice, bob, teacher, memberAccount(alice), memberAccount(bob),
                accounts.create("stu-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id()),
                accounts.create("tea-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.teachersBranch().id()));
    }

    long person(TestOrganisation.Department dept, String name, PoliticalStatus status, boolean teacher) {
        return accounts.runAs(org.admin(), () -> people.create(new PersonForm(name, Gender.FEMALE, "汉族", null, null,
                null, null, "E" + System.nanoTime(), teacher ? PersonType.TEACHER : PersonType.STUDENT,
                teacher ? dept.teachingOffice().id() : dept.clazz().id(),
                teacher ? dept.teachersBranch().id() : dept.studentsBranch().id(), null, status, null, false)));
    }

    String memberAccount(long personId) {
        String username = "member-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(username, TestAccounts.PASSWORD,
                username, EnumSet.of(Role.MEMBER), null, personId)));
        return username;
    }

    long typeId(String code) {
        return accounts.runAs(org.admin(), () -> types.byCode(code).orElseThrow().id());
    }

    /** A students' branch event starting now, inviting the whole branch. */
    long schedule(Branches b, String typeCode) {
        return accounts.runAs(b.studentsSecretary(), () -> events.schedule(form(b, typeCode, LocalDateTime.now(EventService.ZONE))));
    }

    EventForm form(Branches b, String typeCode, LocalDateTime startsAt) {
        return new EventForm(typeId(typeCode), b.dept().studentsBranch().id(), "测试活动" + typeCode, b.alice(), null,
                null, startsAt, startsAt.plusHours(2), "第一会议室", "一、学习；二、讨论",
                Set.of(ThreeCombination.PARTY_AND_CAMPUS), List.of(), List.of(), List.of(), List.of());
    }
}
