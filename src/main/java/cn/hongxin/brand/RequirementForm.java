package cn.hongxin.brand;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;

/**
 * Adds or edits a requirement. {@code unit} is how the scope's unit is written in the YAML file: blank for the
 * brand's owning unit, a unit role (see {@link UnitRole}) or a unit's name. Evidence selectors come as parallel
 * lists (kind and type of each row of the form); rows with a blank kind are ignored.
 */
public record RequirementForm(String code, String nameZh, String nameEn, SubjectKind subject, String unit,
                              Set<PoliticalStatus> politicalStatuses, Set<PartyPost> posts,
                              Set<PersonType> personTypes, QuantityKind quantity, BigDecimal threshold,
                              PeriodKind period, String window, List<String> evidenceKinds,
                              List<String> evidenceTypes) {

    public static RequirementForm empty() {
        return new RequirementForm("", "", "", SubjectKind.PERSON, "", Set.of(), Set.of(), Set.of(),
                QuantityKind.COUNT, BigDecimal.ONE, PeriodKind.SEMESTER, "", List.of(), List.of());
    }

    public static RequirementForm of(RequirementView r) {
        List<String> kinds = new ArrayList<>();
        List<String> types = new ArrayList<>();
        r.evidence().forEach(e -> {
            kinds.add(e.kind().name());
            types.add(e.type() == null ? "" : e.type());
        });
        return new RequirementForm(r.code(), r.nameZh(), r.nameEn(), r.subject(), r.unitRef(),
                r.politicalStatuses(), r.posts(), r.personTypes(), r.quantity(), r.threshold(), r.period(),
                r.windowCode(), kinds, types);
    }

    /** The evidence rows of the form, blank rows included, at least {@code min} of them (for the dialog). */
    public List<String[]> evidenceRows(int min) {
        List<String[]> rows = new ArrayList<>();
        int n = Math.max(min, Math.max(size(evidenceKinds), size(evidenceTypes)));
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {at(evidenceKinds, i), at(evidenceTypes, i)});
        }
        return rows;
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }
}
