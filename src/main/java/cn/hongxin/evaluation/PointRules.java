package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.evaluation.PointsViews.PointRule;

/** The points table (evaluation_point_rule, V22). */
@Component
class PointRules {

    private final JdbcClient jdbc;

    PointRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PointRule> all() {
        return jdbc.sql("select id, kind, type_code, points, per_unit, cap, cap_period from evaluation_point_rule"
                        + " order by sort_order, id")
                .query((rs, n) -> new PointRule(rs.getLong(1), EvidenceKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBoolean(5), rs.getBigDecimal(6),
                        PeriodKind.valueOf(rs.getString(7))))
                .list();
    }

    Optional<PointRule> find(long id) {
        return all().stream().filter(r -> r.id() == id).findFirst();
    }

    void update(long id, BigDecimal points, BigDecimal cap, PeriodKind capPeriod) {
        jdbc.sql("update evaluation_point_rule set points = ?, cap = ?, cap_period = ?, updated_at = ? where id = ?")
                .params(points, cap, capPeriod.name(), Timestamp.from(Instant.now()), id).update();
    }
}
