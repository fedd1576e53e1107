package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.brand.EvidenceKind;

/**
 * Read-only queries over the evidence ledger for the modules that measure outcomes (evaluation): aggregates of
 * one kind over an org subtree and a date range, rows for ledgers, points and a person's timeline, and the last
 * activity of each branch. A subtree is a unit's path prefix: person evidence lies in it when the person's party or
 * administrative path does, unit evidence when the unit's path does. No permission is checked here: the callers'
 * services apply the data scope.
 */
@Service
public class EvidenceQueries {

    /** The kinds whose subject is an org unit; the others are about a person. */
    public static final Set<EvidenceKind> UNIT_KINDS = EnumSet.of(EvidenceKind.EVENT_HELD,
            EvidenceKind.ARTICLE_PUBLISHED, EvidenceKind.NEWSLETTER_ISSUED, EvidenceKind.AUDIENCE_REACHED);

    /** Which persons count: everyone, party members, party leaders, teachers or students. */
    public enum PersonFilter {
        ALL(""),
        PARTY_MEMBERS(" and sp.political_status in ('FULL_MEMBER', 'PROBATIONARY_MEMBER')"),
        PARTY_LEADERS(" and sp.party_leader = true"),
        TEACHERS(" and sp.person_type = 'TEACHER'"),
        STUDENTS(" and sp.person_type = 'STUDENT'");

        private final String sql;

        PersonFilter(String sql) {
            this.sql = sql;
        }
    }

    /** Plain aggregates of one kind. */
    public enum Aggregate {
        COUNT, SUM, DISTINCT_SUBJECTS
    }

    /**
     * One row of evidence with its subject's name and branch (the person's branch; for a unit, the unit itself).
     *
     * @param subjectUnit true when the subject is an org unit
     */
    public record Row(long id, boolean subjectUnit, long subjectId, String subjectName, Long branchId, EvidenceKind kind,
                      String typeCode, LocalDate date, BigDecimal quantity, SourceKind sourceKind, long sourceId) {
    }

    private final JdbcClient jdbc;

    EvidenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An aggregate of the evidence of a kind (and types; empty: all) in a subtree between two days, both included. */
    @Transactional(readOnly = true)
    public BigDecimal aggregate(Aggregate aggregate, EvidenceKind kind, Collection<String> types, PersonFilter persons,
                                String path, LocalDate from, LocalDate to) {
        String select = switch (aggregate) {
            case COUNT -> "count(*)";
            case SUM -> "coalesce(sum(e.quantity), 0)";
            case DISTINCT_SUBJECTS -> "count(distinct e.subject_id)";
        };
        var spec = jdbc.sql("select " + select + " from evidence e " + join(kind, persons) + where(types))
                .param("kind", kind.name()).param("from", from).param("to", to).param("path", like(path));
        if (!types.isEmpty()) {
            spec = spec.param("types", types);
        }
        BigDecimal value = spec.query(BigDecimal.class).single();
        return value == null ? BigDecimal.ZERO : value;
    }

    /**
     * Subjects whose last row of the kind between the days has a higher quantity than their first (a check-in score
     * that went up); a subject with one row has not improved.
     */
    @Transactional(readOnly = true)
    public long improved(EvidenceKind kind, Collection<String> types, PersonFilter persons, String path,
                         LocalDate from, LocalDate to) {
        var spec = jdbc.sql("select e.subject_id, e.quantity from evidence e " + join(kind, persons) + where(types)
                        + " order by e.subject_id, e.evidence_date, e.id")
                .param("kind", kind.name()).param("from", from).param("to", to).param("path", like(path));
        if (!types.isEmpty()) {
            spec = spec.param("types", types);
        }
        Map<Long, BigDecimal[]> firstLast = new LinkedHashMap<>();
        spec.query((rs, n) -> {
            long subject = rs.getLong(1);
            BigDecimal q = rs.getBigDecimal(2);
            firstLast.computeIfAbsent(subject, s -> new BigDecimal[] {q, q})[1] = q;
            return null;
        }).list();
        return firstLast.values().stream().filter(fl -> fl[1].compareTo(fl[0]) > 0).count();
    }

    /** Active people of a subtree, narrowed by the filter. */
    @Transactional(readOnly = true)
    public long people(PersonFilter persons, String path) {
        return jdbc.sql("select count(*) from subject_person sp where sp.active = true"
                        + " and (sp.party_path like :path or sp.admin_path like :path)" + persons.sql)
                .param("path", like(path)).query(Long.class).single();
    }

    /** A party branch: the unit that holds meetings and members. */
    public record Branch(long id, String name, String path) {
    }

    /** The party branches (支部) of a subtree, in tree order. */
    @Transactional(readOnly = true)
    public List<Branch> branches(String path) {
        return jdbc.sql("select unit_id, name, path from subject_unit where unit_type = 'BRANCH' and path like :path"
                        + " order by path")
                .param("path", like(path))
                .query((rs, n) -> new Branch(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** A person as the ledger's subject: name, branch and the paths that place them in subtrees. */
    public record Person(long id, String name, Long branchId, String partyPath, String adminPath) {

        /** Whether the person lies in the subtree of this path. */
        public boolean within(String path) {
            return partyPath != null && partyPath.startsWith(path) || adminPath != null && adminPath.startsWith(path);
        }
    }

    /** The active people of a subtree, by name. */
    @Transactional(readOnly = true)
    public List<Person> persons(String path) {
        return jdbc.sql("select person_id, name, branch_id, party_path, admin_path from subject_person sp"
                        + " where sp.active = true and (sp.party_path like :path or sp.admin_path like :path)"
                        + " order by name_sort, person_id")
                .param("path", like(path)).query((rs, n) -> person(rs)).list();
    }

    /** One person, active or not. */
    @Transactional(readOnly = true)
    public java.util.Optional<Person> person(long id) {
        return jdbc.sql("select person_id, name, branch_id, party_path, admin_path from subject_person"
                        + " where person_id = :id")
                .param("id", id).query((rs, n) -> person(rs)).optional();
    }

    /** A unit's path, name and id, if it exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<Branch> unit(long id) {
        return jdbc.sql("select unit_id, name, path from subject_unit where unit_id = :id").param("id", id)
                .query((rs, n) -> new Branch(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
                rs.getString(4), rs.getString(5));
    }

    /** Rows of evidence of some kinds in a subtree between two days, oldest first, with their subjects' names. */
    @Transactional(readOnly = true)
    public List<Row> rows(Collection<EvidenceKind> kinds, String path, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        List<String> personKinds = kinds.stream().filter(k -> !UNIT_KINDS.contains(k)).map(Enum::name).toList();
        List<String> unitKinds = kinds.stream().filter(UNIT_KINDS::contains).map(Enum::name).toList();
        if (!personKinds.isEmpty()) {
            rows.addAll(jdbc.sql("""
                            select e.id, e.subject_kind, e.subject_id, sp.name, sp.branch_id, e.kind, e.type_code,
                                   e.evidence_date, e.quantity, e.source_kind, e.source_id
                            from evidence e join subject_person sp on sp.person_id = e.subject_id
                            where e.subject_kind = 'P' and e.kind in (:kinds)
                              and e.evidence_date >= :from and e.evidence_date <= :to
                              and (sp.party_path like :path or sp.admin_path like :path)""")
                    .param("kinds", personKinds).param("from", from).param("to", to).param("path", like(path))
                    .query((rs, n) -> row(rs)).list());
        }
        if (!unitKinds.isEmpty()) {
            rows.addAll(jdbc.sql("""
                            select e.id, e.subject_kind, e.subject_id, su.name, su.unit_id, e.kind, e.type_code,
                                   e.evidence_date, e.quantity, e.source_kind, e.source_id
                            from evidence e join subject_unit su on su.unit_id = e.subject_id
                            where e.subject_kind = 'U' and e.kind in (:kinds)
                              and e.evidence_date >= :from and e.evidence_date <= :to and su.path like :path""")
                    .param("kinds", unitKinds).param("from", from).param("to", to).param("path", like(path))
                    .query((rs, n) -> row(rs)).list());
        }
        rows.sort(java.util.Comparator.comparing(Row::date).thenComparing(Row::id));
        return rows;
    }

    /** One person's evidence between two days, oldest first. */
    @Transactional(readOnly = true)
    public List<Row> ofPerson(long personId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select e.id, e.subject_kind, e.subject_id, sp.name, sp.branch_id, e.kind, e.type_code,
                               e.evidence_date, e.quantity, e.source_kind, e.source_id
                        from evidence e join subject_person sp on sp.person_id = e.subject_id
                        where e.subject_kind = 'P' and e.subject_id = :person
                          and e.evidence_date >= :from and e.evidence_date <= :to
                        order by e.evidence_date, e.id""")
                .param("person", personId).param("from", from).param("to", to)
                .query((rs, n) -> row(rs)).list();
    }

    /**
     * The last day of activity of each unit of a subtree that has any: an event it organised (EVENT_HELD) or an
     * attendance of one of its people (ATTENDED, by the person's branch), up to a day.
     */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> lastActivity(String path, LocalDate upTo) {
        Map<Long, LocalDate> last = new LinkedHashMap<>();
        jdbc.sql("""
                        select e.subject_id, max(e.evidence_date) from evidence e
                        join subject_unit su on su.unit_id = e.subject_id
                        where e.subject_kind = 'U' and e.kind = 'EVENT_HELD' and e.evidence_date <= :upTo
                          and su.path like :path group by e.subject_id""")
                .param("upTo", upTo).param("path", like(path))
                .query((rs, n) -> last.merge(rs.getLong(1), rs.getObject(2, LocalDate.class), EvidenceQueries::later))
                .list();
        jdbc.sql("""
                        select sp.branch_id, max(e.evidence_date) from evidence e
                        join subject_person sp on sp.person_id = e.subject_id
                        where e.subject_kind = 'P' and e.kind = 'ATTENDED' and e.evidence_date <= :upTo
                          and sp.branch_id is not null
                          and (sp.party_path like :path or sp.admin_path like :path) group by sp.branch_id""")
                .param("upTo", upTo).param("path", like(path))
                .query((rs, n) -> last.merge(rs.getLong(1), rs.getObject(2, LocalDate.class), EvidenceQueries::later))
                .list();
        return last;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong(1), "U".equals(rs.getString(2)), rs.getLong(3), rs.getString(4),
                rs.getObject(5) == null ? null : rs.getLong(5), EvidenceKind.valueOf(rs.getString(6)),
                rs.getString(7), rs.getObject(8, LocalDate.class), rs.getBigDecimal(9),
                SourceKind.valueOf(rs.getString(10)), rs.getLong(11));
    }

    private static String join(EvidenceKind kind, PersonFilter persons) {
        if (UNIT_KINDS.contains(kind)) {
            return "join subject_unit su on su.unit_id = e.subject_id where e.subject_kind = 'U' and su.path like :path";
        }
        return "join subject_person sp on sp.person_id = e.subject_id where e.subject_kind = 'P'"
                + " and (sp.party_path like :path or sp.admin_path like :path)" + persons.sql;
    }

    private static String where(Collection<String> types) {
        return " and e.kind = :kind and e.evidence_date >= :from and e.evidence_date <= :to"
                + (types.isEmpty() ? "" : " and e.type_code in (:types)");
    }

    private static String like(String path) {
        if (!path.matches("[/0-9]+")) {
            throw new IllegalArgumentException("not an org path: " + path);
        }
        return path + "%";
    }
}
