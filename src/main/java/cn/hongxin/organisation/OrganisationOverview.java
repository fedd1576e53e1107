package cn.hongxin.organisation;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts for the home page: people by political status and units by kind, within a scope. */
@Service
public class OrganisationOverview {

    /** What the home page shows of the organisation. */
    public record Overview(String scopeName, long people, long teachers, long students,
                           Map<PoliticalStatus, Long> byStatus, long branches, long groups, long classes) {

        public long partyMembers() {
            return byStatus.getOrDefault(PoliticalStatus.FULL_MEMBER, 0L)
                    + byStatus.getOrDefault(PoliticalStatus.PROBATIONARY_MEMBER, 0L);
        }
    }

    private final JdbcClient jdbc;
    private final OrgUnitRepository units;

    OrganisationOverview(JdbcClient jdbc, OrgUnitRepository units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    @Transactional(readOnly = true)
    public Overview forScope(Long scopeOrgUnitId) {
        OrgUnit scope = scopeOrgUnitId == null ? units.findByParentIdIsNull().stream().findFirst().orElse(null)
                : units.findById(scopeOrgUnitId).orElse(null);
        String prefix = scopeOrgUnitId == null ? "" : scope == null ? "/none/" : scope.getPath();
        String like = prefix + "%";
        Map<PoliticalStatus, Long> byStatus = new EnumMap<>(PoliticalStatus.class);
        long[] types = new long[2];
        jdbc.sql("""
                        select p.political_status, p.person_type, count(*) as n from person p
                        left join org_unit b on b.id = p.branch_id
                        left join org_unit a on a.id = p.admin_unit_id
                        where p.active = true and (b.path like :like or a.path like :like)
                        group by p.political_status, p.person_type""")
                .param("like", like)
                .query((rs, i) -> {
                    PoliticalStatus status = PoliticalStatus.valueOf(rs.getString(1));
                    long n = rs.getLong(3);
                    byStatus.merge(status, n, Long::sum);
                    types[PersonType.valueOf(rs.getString(2)) == PersonType.TEACHER ? 0 : 1] += n;
                    return null;
                }).list();
        Map<String, Long> unitCounts = new java.util.HashMap<>();
        jdbc.sql("select unit_type, count(*) from org_unit where path like :like group by unit_type")
                .param("like", like)
                .query((rs, i) -> unitCounts.put(rs.getString(1), rs.getLong(2))).list();
        return new Overview(scope == null ? "" : scope.getName(), types[0] + types[1], types[0], types[1], byStatus,
                unitCounts.getOrDefault("BRANCH", 0L), unitCounts.getOrDefault("PARTY_GROUP", 0L),
                unitCounts.getOrDefault("CLASS", 0L));
    }
}
