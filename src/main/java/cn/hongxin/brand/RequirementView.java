package cn.hongxin.brand;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;

/**
 * A requirement as the programme page and the API show it.
 *
 * @param unitRef  the scope's unit as written in the programme (a unit role or a unit's name), null for the
 *                 brand's owning unit
 * @param unitId   the unit it resolved to; null with a non-null {@code unitRef} means it is not (yet) found in the
 *                 organisation's tree, and the requirement applies to nobody until it is
 * @param unitName the resolved unit's name, for display
 */
public record RequirementView(long id, long measureId, String code, String nameZh, String nameEn, int sortOrder,
                              SubjectKind subject, String unitRef, Long unitId, String unitName,
                              Set<PoliticalStatus> politicalStatuses, Set<PartyPost> posts,
                              Set<PersonType> personTypes, QuantityKind quantity, BigDecimal threshold,
                              PeriodKind period, String windowCode, List<EvidenceSelector> evidence) {

    public RequirementView {
        politicalStatuses = politicalStatuses == null ? Set.of() : Set.copyOf(politicalStatuses);
        posts = posts == null ? Set.of() : Set.copyOf(posts);
        personTypes = personTypes == null ? Set.of() : Set.copyOf(personTypes);
        evidence = List.copyOf(evidence);
    }

    /** True when the scope names a unit that the organisation's tree does not (yet) hold. */
    public boolean unresolved() {
        return unitRef != null && unitId == null;
    }

    /** The threshold without trailing zeros (2, not 2.00). */
    public String thresholdText() {
        return threshold.stripTrailingZeros().toPlainString();
    }

    public RequirementDefinition definition() {
        return new RequirementDefinition(id, measureId, code, nameZh, nameEn, subject,
                new ScopeFilter(unitId, politicalStatuses, posts, personTypes), quantity, threshold, period,
                windowCode == null ? null : new NamedWindow(windowCode), evidence);
    }
}
