package cn.hongxin.brand;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The programme's indicators (table programme_indicator, V22), read and written with plain SQL. */
@Component
class ProgrammeIndicatorRows {

    private final JdbcClient jdbc;

    ProgrammeIndicatorRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IndicatorDefinition> of(Collection<Long> brandIds) {
        if (brandIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, brand_id, code, name_zh, name_en, outcome, unit, period, baseline, target,
                               num_aggregate, num_kind, num_types, num_subjects,
                               den_aggregate, den_kind, den_types, den_subjects, sort_order
                        from programme_indicator where brand_id in (:brands) order by brand_id, sort_order, id""")
                .param("brands", brandIds)
                .query((rs, n) -> new IndicatorDefinition(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), IndicatorOutcome.valueOf(rs.getString(6)),
                        IndicatorUnit.valueOf(rs.getString(7)), PeriodKind.valueOf(rs.getString(8)),
                        IndicatorBaseline.valueOf(rs.getString(9)), rs.getBigDecimal(10), selector(rs, 11),
                        selector(rs, 15), rs.getInt(19)))
                .list();
    }

    private static IndicatorSelector selector(ResultSet rs, int column) throws SQLException {
        String aggregate = rs.getString(column);
        if (aggregate == null) {
            return null;
        }
        String kind = rs.getString(column + 1);
        String types = rs.getString(column + 2);
        String subjects = rs.getString(column + 3);
        return new IndicatorSelector(IndicatorAggregate.valueOf(aggregate),
                kind == null ? null : EvidenceKind.valueOf(kind),
                types == null || types.isEmpty() ? List.of() : Arrays.asList(types.split(",")),
                subjects == null ? IndicatorSubjects.ALL : IndicatorSubjects.valueOf(subjects));
    }

    void replace(long brandId, List<IndicatorDefinition> indicators) {
        jdbc.sql("delete from programme_indicator where brand_id = ?").param(brandId).update();
        int order = 0;
        for (IndicatorDefinition i : indicators) {
            order += 10;
            IndicatorSelector n = i.numerator();
            IndicatorSelector d = i.denominator();
            jdbc.sql("""
                            insert into programme_indicator (brand_id, code, name_zh, name_en, sort_order, outcome, unit,
                                period, baseline, target, num_aggregate, num_kind, num_types, num_subjects,
                                den_aggregate, den_kind, den_types, den_subjects)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(brandId, i.code(), i.nameZh(), i.nameEn(), order, i.outcome().name(), i.unit().name(),
                            i.period().name(), i.baseline().name(), i.target(), n.aggregate().name(),
                            n.kind() == null ? null : n.kind().name(), types(n), n.subjects().name(),
                            d == null ? null : d.aggregate().name(),
                            d == null || d.kind() == null ? null : d.kind().name(), d == null ? null : types(d),
                            d == null ? null : d.subjects().name())
                    .update();
        }
    }

    private static String types(IndicatorSelector s) {
        return s.types().isEmpty() ? null : String.join(",", s.types());
    }
}
