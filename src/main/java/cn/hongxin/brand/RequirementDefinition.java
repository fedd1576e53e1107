package cn.hongxin.brand;

import java.math.BigDecimal;
import java.util.List;

/**
 * One requirement of a measure, as data: each subject in the scope has, per period and inside the window if one
 * is set, evidence of one of the selectors whose count (or sum of hours) reaches the threshold.
 *
 * @param code     stable code, unique within the programme (used by the YAML file and the API)
 * @param window   null when the whole period counts
 * @param evidence at least one selector; evidence matching any of them counts
 */
public record RequirementDefinition(long id, long measureId, String code, String nameZh, String nameEn,
                                    SubjectKind subject, ScopeFilter scope, QuantityKind quantity,
                                    BigDecimal threshold, PeriodKind period, NamedWindow window,
                                    List<EvidenceSelector> evidence) {

    public RequirementDefinition {
        evidence = List.copyOf(evidence);
    }
}
