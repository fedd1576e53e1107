package cn.hongxin.compliance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hongxin.brand.MeasureDefinition;

/** Sums of verdicts over evaluated requirements: per requirement, per measure, per branch and measure, per brand. */
public final class ComplianceAggregates {

    private ComplianceAggregates() {
    }

    /** Per measure id: the verdicts of all its evaluated requirements together. */
    public static Map<Long, VerdictCounts> perMeasure(Collection<RequirementEvaluation> evaluations) {
        Map<Long, VerdictCounts> result = new LinkedHashMap<>();
        for (RequirementEvaluation e : evaluations) {
            result.merge(e.requirement().measureId(), e.counts(), VerdictCounts::plus);
        }
        return result;
    }

    /** The heat map: per branch and measure, the verdicts of the branch's subjects on the measure's requirements. */
    public static List<HeatMapCell> heatMap(Collection<RequirementEvaluation> evaluations) {
        Map<Long, Map<Long, VerdictCounts>> cells = new LinkedHashMap<>();
        for (RequirementEvaluation e : evaluations) {
            e.byBranch().forEach((branch, counts) -> cells.computeIfAbsent(branch, b -> new LinkedHashMap<>())
                    .merge(e.requirement().measureId(), counts, VerdictCounts::plus));
        }
        List<HeatMapCell> result = new ArrayList<>();
        cells.forEach((branch, row) -> row.forEach((measure, counts) ->
                result.add(new HeatMapCell(branch, measure, counts))));
        return result;
    }

    /** Per brand id: the verdicts of all evaluated requirements of its measures. */
    public static Map<Long, VerdictCounts> perBrand(Collection<RequirementEvaluation> evaluations,
                                                    Collection<MeasureDefinition> measures) {
        Map<Long, Long> brandOf = new LinkedHashMap<>();
        measures.forEach(m -> brandOf.put(m.id(), m.brandId()));
        Map<Long, VerdictCounts> result = new LinkedHashMap<>();
        perMeasure(evaluations).forEach((measure, counts) -> {
            Long brand = brandOf.get(measure);
            if (brand != null) {
                result.merge(brand, counts, VerdictCounts::plus);
            }
        });
        return result;
    }
}
