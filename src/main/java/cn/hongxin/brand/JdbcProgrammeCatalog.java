package cn.hongxin.brand;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.shared.NotFoundException;

/**
 * The programme of every active brand, read from the V14 tables on each call (no cache, so an edit counts at once).
 * A requirement whose scope names a unit the organisation does not hold (a template's TEACHERS_BRANCH loaded into
 * an organisation without a teachers' branch) is left out: it applies to nobody until the unit exists.
 */
@Component
class JdbcProgrammeCatalog implements ProgrammeCatalog {

    private final ProgrammeRows rows;
    private final ProgrammeIndicatorRows indicatorRows;

    JdbcProgrammeCatalog(ProgrammeRows rows, ProgrammeIndicatorRows indicatorRows) {
        this.rows = rows;
        this.indicatorRows = indicatorRows;
    }

    @Override
    @Transactional(readOnly = true)
    public List<IndicatorDefinition> indicators() {
        return indicatorRows.of(rows.brands().stream().filter(ProgrammeRows.BrandRow::active)
                .map(ProgrammeRows.BrandRow::id).toList());
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeasureDefinition> measures() {
        List<Long> active = rows.brands().stream().filter(ProgrammeRows.BrandRow::active)
                .map(ProgrammeRows.BrandRow::id).toList();
        return rows.measures(active, Map.of()).stream().map(JdbcProgrammeCatalog::definition).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RequirementDefinition> requirement(long id) {
        return rows.brandOfRequirement(id).flatMap(brandId -> rows.measures(List.of(brandId), Map.of()).stream()
                .flatMap(m -> m.requirements().stream()).filter(r -> r.id() == id && !r.unresolved())
                .map(RequirementView::definition).findFirst());
    }

    @Override
    @Transactional(readOnly = true)
    public long owningUnitOf(long measureId) {
        return rows.owningUnitOfMeasure(measureId).orElseThrow(() -> new NotFoundException("measure", measureId));
    }

    static MeasureDefinition definition(MeasureView m) {
        return new MeasureDefinition(m.id(), m.brandId(), m.code(), m.nameZh(), m.nameEn(), m.level(), m.category(),
                m.sortOrder(), m.requirements().stream().filter(r -> !r.unresolved())
                .map(RequirementView::definition).toList());
    }
}
