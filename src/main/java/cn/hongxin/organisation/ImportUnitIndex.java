package cn.hongxin.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The org units of the importing account's data scope, found by name. A name shared by several units
 * (two classes called 2024级1班 in different departments) can be told apart by writing the parent
 * first: 临床医学系/2024级1班.
 */
final class ImportUnitIndex {

    enum Outcome { FOUND, NOT_FOUND, AMBIGUOUS, OUTSIDE }

    record Lookup(Outcome outcome, OrgUnit unit) {

        static final Lookup NOT_FOUND = new Lookup(Outcome.NOT_FOUND, null);
    }

    private final Map<Long, OrgUnit> byId = new HashMap<>();
    private final Map<String, List<OrgUnit>> byName = new HashMap<>();

    ImportUnitIndex(List<OrgUnit> unitsInScope) {
        for (OrgUnit u : unitsInScope) {
            byId.put(u.getId(), u);
            byName.computeIfAbsent(key(u.getName()), k -> new ArrayList<>()).add(u);
        }
    }

    /**
     * The unit of one of {@code types} that {@code text} names, optionally required to lie under
     * {@code underPath} (a party group inside its branch).
     */
    Lookup find(String text, Set<OrgUnitType> types, String underPath) {
        List<OrgUnit> candidates = ofTypes(byName.getOrDefault(key(text), List.of()), types);
        if (candidates.isEmpty()) {
            String[] parts = text.split("[/／]");
            if (parts.length > 1) {
                candidates = ofTypes(byName.getOrDefault(key(parts[parts.length - 1]), List.of()), types).stream()
                        .filter(u -> ancestorsMatch(u, parts)).toList();
            }
        }
        if (candidates.isEmpty()) {
            return Lookup.NOT_FOUND;
        }
        if (underPath != null) {
            List<OrgUnit> inside = candidates.stream().filter(u -> u.getPath().startsWith(underPath)).toList();
            if (inside.isEmpty()) {
                return new Lookup(Outcome.OUTSIDE, candidates.get(0));
            }
            candidates = inside;
        }
        return candidates.size() == 1 ? new Lookup(Outcome.FOUND, candidates.get(0))
                : new Lookup(Outcome.AMBIGUOUS, null);
    }

    /** The name to write for a unit so that it is found unambiguously among units of the same kinds. */
    String unambiguousName(OrgUnit unit, Set<OrgUnitType> types) {
        if (ofTypes(byName.getOrDefault(key(unit.getName()), List.of()), types).size() <= 1) {
            return unit.getName();
        }
        OrgUnit parent = unit.getParentId() == null ? null : byId.get(unit.getParentId());
        return parent == null ? unit.getName() : parent.getName() + "/" + unit.getName();
    }

    /** Each earlier part names an ancestor, nearest last, in order (levels may be skipped). */
    private boolean ancestorsMatch(OrgUnit unit, String[] parts) {
        OrgUnit current = unit;
        for (int i = parts.length - 2; i >= 0; i--) {
            String wanted = key(parts[i]);
            if (wanted.isEmpty()) {
                continue;
            }
            current = current.getParentId() == null ? null : byId.get(current.getParentId());
            while (current != null && !key(current.getName()).equals(wanted)) {
                current = current.getParentId() == null ? null : byId.get(current.getParentId());
            }
            if (current == null) {
                return false;
            }
        }
        return true;
    }

    private static List<OrgUnit> ofTypes(List<OrgUnit> units, Set<OrgUnitType> types) {
        return units.stream().filter(u -> types.contains(u.getUnitType())).toList();
    }

    static String key(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }
}
