package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.PersonForm;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/**
 * A hand-built academic year 2093-2094 with two semesters (the second's baseline is the first) and evidence
 * written straight into the ledger, so every indicator's value is known in advance.
 */
@Component
class EvaluationFixtures {

    static final LocalDate AUTUMN_START = LocalDate.of(2093, 9, 1);
    static final LocalDate AUTUMN_END = LocalDate.of(2094, 1, 15);
    static final LocalDate SPRING_START = LocalDate.of(2094, 2, 20);
    static final LocalDate SPRING_END = LocalDate.of(2094, 7, 10);

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000 + 8_000_000_000_000L);

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final PersonService people;
    private final AcademicCalendar calendar;
    private final JdbcClient jdbc;

    EvaluationFixtures(TestOrganisation org, TestAccounts accounts, PersonService people, AcademicCalendar calendar,
                       JdbcClient jdbc) {
        this.org = org;
        this.accounts = accounts;
        this.people = people;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    static long newId() {
        return IDS.incrementAndGet();
    }

    synchronized void year() {
        if (calendar.years().stream().anyMatch(y -> y.name().equals("2093-2094"))) {
            return;
        }
        accounts.runAs(org.admin(), () -> {
            long year = calendar.addYear("2093-2094", LocalDate.of(2093, 8, 20), LocalDate.of(2094, 8, 19));
            calendar.addSemester(year, "2093-2094学年第一学期", 1, AUTUMN_START, AUTUMN_END, 18);
            calendar.addSemester(year, "2093-2094学年第二学期", 2, SPRING_START, SPRING_END, 18);
            return null;
        });
    }

    long student(TestOrganisation.Department dept, String name, PoliticalStatus status) {
        return person(dept, name, status, PersonType.STUDENT, false);
    }

    long teacher(TestOrganisation.Department dept, String name, PoliticalStatus status, boolean leader) {
        return person(dept, name, status, PersonType.TEACHER, leader);
    }

    long person(TestOrganisation.Department dept, String name, PoliticalStatus status, PersonType type,
                boolean leader) {
        boolean teacher = type == PersonType.TEACHER;
        return accounts.runAs(org.admin(), () -> people.create(new PersonForm(name, Gender.FEMALE, "汉族", null, null,
                null, null, "E" + System.nanoTime(), type, teacher ? dept.teachingOffice().id() : dept.clazz().id(),
                teacher ? dept.teachersBranch().id() : dept.studentsBranch().id(), null, status, null, leader)));
    }

    /** One row of person evidence, as compliance's listeners would write it. */
    long personFact(long personId, EvidenceKind kind, String type, LocalDate date, String quantity) {
        return fact("P", personId, kind, type, date, quantity, "EVENT", newId());
    }

    long personFact(long personId, EvidenceKind kind, String type, LocalDate date, String quantity, String source,
                    long sourceId) {
        return fact("P", personId, kind, type, date, quantity, source, sourceId);
    }

    long unitFact(long unitId, EvidenceKind kind, String type, LocalDate date, String quantity) {
        return fact("U", unitId, kind, type, date, quantity, "EVENT", newId());
    }

    private long fact(String subjectKind, long subjectId, EvidenceKind kind, String type, LocalDate date,
                      String quantity, String source, long sourceId) {
        jdbc.sql("""
                        insert into evidence (subject_kind, subject_id, kind, type_code, evidence_date, quantity,
                                              source_kind, source_id, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(subjectKind, subjectId, kind.name(), type, date, new BigDecimal(quantity), source, sourceId,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return sourceId;
    }
}
