package cn.hongxin.brand;

import java.util.List;

/**
 * One side of an indicator formula: an aggregate over the evidence of a kind (and of some types), over events of
 * some types, or over a population, narrowed to some subjects.
 *
 * @param kind  the evidence kind; only for the evidence aggregates
 * @param types evidence or event type codes; empty means every type
 */
public record IndicatorSelector(IndicatorAggregate aggregate, EvidenceKind kind, List<String> types,
                               IndicatorSubjects subjects) {

    public IndicatorSelector {
        types = types == null ? List.of() : List.copyOf(types);
        subjects = subjects == null ? IndicatorSubjects.ALL : subjects;
    }
}
