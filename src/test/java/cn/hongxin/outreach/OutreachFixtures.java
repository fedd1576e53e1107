package cn.hongxin.outreach;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.assertj.core.api.Assertions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hongxin.events.EventService;
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
 * A fresh department for each outreach test: its teachers' branch secretary (who keeps the team, the column and the
 * talks), a member without outreach:edit, teachers, and helpers to read what was stored.
 */
@Component
class OutreachFixtures {

    /** A department with the accounts that work on it. */
    record Dept(TestOrganisation.Department units, String secretary, String member, long memberPerson) {
    }

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final AccountService accountService;
    private final PersonService people;
    private final JdbcClient jdbc;

    OutreachFixtures(TestOrganisation org, TestAccounts accounts, AccountService accountService, PersonService people,
                     JdbcClient jdbc) {
        this.org = org;
        this.accounts = accounts;
        this.accountService = accountService;
        this.people = people;
        this.jdbc = jdbc;
    }

    Dept department() {
        TestOrganisation.Department d = org.department();
        String secretary = accounts.create("jiaogong", EnumSet.of(Role.BRANCH_SECRETARY), d.teachersBranch().id());
        long memberPerson = teacher(d, "普通党员", PoliticalStatus.FULL_MEMBER);
        String member = "dangyuan-" + System.nanoTime();
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(member, TestAccounts.PASSWORD, "普通党员",
                EnumSet.of(Role.MEMBER), d.teachersBranch().id(), memberPerson)));
        return new Dept(d, secretary, member, memberPerson);
    }

    long teacher(TestOrganisation.Department d, String name, PoliticalStatus status) {
        return accounts.runAs(org.admin(), () -> people.create(new PersonForm(name, Gender.FEMALE, "汉族", null, null,
                null, null, "T" + System.nanoTime(), PersonType.TEACHER, d.teachingOffice().id(),
                d.teachersBranch().id(), null, status, null, false)));
    }

    /** Adds a teacher to the teachers' branch team, as the secretary; returns the person id. */
    long teamMember(Dept dept, TeamService team, String name, TeamRole role, Speciality... specialities) {
        long person = teacher(dept.units(), name, PoliticalStatus.FULL_MEMBER);
        accounts.runAs(dept.secretary(), () -> team.add(new TeamMemberForm(dept.units().teachersBranch().id(), person,
                role, Set.of(specialities), LocalDate.now(EventService.ZONE).minusMonths(3), null)));
        return person;
    }

    /** A tiny real PDF: the files module accepts it as an article. */
    static ByteArrayInputStream pdf() {
        return new ByteArrayInputStream(("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    long evidenceRows(String sourceKind, long sourceId, String kind) {
        return jdbc.sql("select count(*) from evidence where source_kind = :s and source_id = :id and kind = :k")
                .param("s", sourceKind).param("id", sourceId).param("k", kind).query(Long.class).single();
    }

    long logRows(long pieceId) {
        return jdbc.sql("select count(*) from column_piece_log where piece_id = :id").param("id", pieceId)
                .query(Long.class).single();
    }

    /** Publications of {@code eventType} about the piece or event {@code id} (matched on the JSON field, not a digit run). */
    long publications(String eventType, long id) {
        return jdbc.sql("""
                        select count(*) from event_publication where event_type like :t
                          and (serialized_event like :piece or serialized_event like :event)""")
                .param("t", "%" + eventType).param("piece", "%\"pieceId\":" + id + ",%")
                .param("event", "%\"eventId\":" + id + ",%").query(Long.class).single();
    }

    /** Waits (the listeners run after commit) until the condition holds, at most 20 seconds. */
    static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Assertions.fail("timed out waiting for " + what);
    }
}
