package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.EvidenceSelector;
import cn.hongxin.brand.NamedWindow;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.ScopeFilter;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonForm;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.fail;

/**
 * A hand-built semester: the academic year 2091-2092 (far from any other test's calendar) with its first
 * semester (1 Sep 2091 to 15 Jan 2092) and the 十一 window (25 Sep to 8 Oct 2091); people in a fresh department;
 * requirements built in code; events published as the other modules publish them.
 */
@Component
class ComplianceFixtures {

    static final LocalDate SEMESTER_START = LocalDate.of(2091, 9, 1);
    static final LocalDate SEMESTER_END = LocalDate.of(2092, 1, 15);
    static final LocalDate GUOQING_OPENS = LocalDate.of(2091, 9, 25);
    static final LocalDate GUOQING_CLOSES = LocalDate.of(2091, 10, 8);
    static final String GUOQING = "GUOQING";

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000 + 7_000_000_000_000L);
    private static final AtomicLong REQUIREMENT_IDS = new AtomicLong(90_000);

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final PersonService people;
    private final AcademicCalendar calendar;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    ComplianceFixtures(TestOrganisation org, TestAccounts accounts, PersonService people, AcademicCalendar calendar,
                       ApplicationEventPublisher publisher, TransactionTemplate tx, JdbcClient jdbc) {
        this.org = org;
        this.accounts = accounts;
        this.people = people;
        this.calendar = calendar;
        this.publisher = publisher;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /** A source id no other test uses. */
    static long newId() {
        return IDS.incrementAndGet();
    }

    /** The 2091-2092 year with its first semester and the 十一 window, created once per database. */
    synchronized void semester() {
        if (calendar.years().stream().anyMatch(y -> y.name().equals("2091-2092"))) {
            return;
        }
        accounts.runAs(org.admin(), () -> {
            long year = calendar.addYear("2091-2092", LocalDate.of(2091, 8, 20), LocalDate.of(2092, 8, 19));
            calendar.addSemester(year, "2091-2092学年第一学期", 1, SEMESTER_START, SEMESTER_END, 18);
            calendar.addPeriod(year, CalendarPeriodKind.WINDOW, GUOQING, "十一", GUOQING_OPENS, GUOQING_CLOSES);
            calendar.addPeriod(year, CalendarPeriodKind.HOLIDAY, "NATIONAL_DAY", "国庆节", LocalDate.of(2091, 10, 1),
                    LocalDate.of(2091, 10, 7));
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
                null, null, "C" + System.nanoTime(), type, teacher ? dept.teachingOffice().id() : dept.clazz().id(),
                teacher ? dept.teachersBranch().id() : dept.studentsBranch().id(), null, status, null, leader)));
    }

    void assignPost(long personId, long unitId, PartyPost post, LocalDate since) {
        accounts.runAs(org.admin(), () -> {
            people.assignPost(personId, unitId, post, since);
            return null;
        });
    }

    static RequirementDefinition requirement(String code, SubjectKind subject, ScopeFilter scope,
                                             QuantityKind quantity, String threshold, PeriodKind period,
                                             String window, EvidenceSelector... evidence) {
        return new RequirementDefinition(REQUIREMENT_IDS.incrementAndGet(), 1L, code, code, code, subject, scope,
                quantity, new BigDecimal(threshold), period, window == null ? null : new NamedWindow(window),
                List.of(evidence));
    }

    static ScopeFilter scope(Long unitId, Set<PoliticalStatus> statuses, Set<PartyPost> posts, Set<PersonType> types) {
        return new ScopeFilter(unitId, statuses, posts, types);
    }

    static EvidenceSelector select(EvidenceKind kind, String type) {
        return new EvidenceSelector(kind, type);
    }

    /** Publishes events in one transaction, as a module's service does. */
    void publish(Object... events) {
        tx.executeWithoutResult(status -> {
            for (Object e : events) {
                publisher.publishEvent(e);
            }
        });
    }

    long evidenceRows(SourceKind source, long sourceId) {
        return jdbc.sql("select count(*) from evidence where source_kind = :s and source_id = :id")
                .param("s", source.name()).param("id", sourceId).query(Long.class).single();
    }

    /** Publications of the compliance listeners that mention this id and are not complete yet. */
    long incompletePublications(long id) {
        return jdbc.sql("""
                        select count(*) from event_publication where completion_date is null
                          and listener_id like '%compliance%' and serialized_event like :id""")
                .param("id", "%" + id + "%").query(Long.class).single();
    }

    long completedPublications(long id) {
        return jdbc.sql("""
                        select count(*) from event_publication where completion_date is not null
                          and listener_id like '%compliance%' and serialized_event like :id""")
                .param("id", "%" + id + "%").query(Long.class).single();
    }

    /** Waits for the listeners (they run asynchronously after commit) until the condition holds. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
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
        fail("timed out waiting for " + what);
    }

    /** Publishes, then waits until every publication mentioning {@code id} has been completed. */
    void publishAndWait(long id, Object... events) {
        long before = completedPublications(id);
        publish(events);
        await("publications of " + id, () -> incompletePublications(id) == 0
                && completedPublications(id) >= before + events.length);
    }
}
