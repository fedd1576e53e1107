package cn.hongxin.brand;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;

/**
 * What a programme refers to outside itself: units of the organisation (by {@link UnitRole} or by name, found in
 * the owning unit's subtree as the signed-in account sees it), named windows of the academic calendar, and the
 * type codes of evidence kinds (through {@link EvidenceTypes}, when some module provides it).
 */
@Component
class ProgrammeReferences {

    /** The units and windows a check runs against. */
    record Context(List<OrgUnitView> tree, Set<String> windows) {
    }

    private final OrgUnitService units;
    private final AcademicCalendar calendar;
    private final ObjectProvider<EvidenceTypes> evidenceTypes;

    ProgrammeReferences(OrgUnitService units, AcademicCalendar calendar, ObjectProvider<EvidenceTypes> evidenceTypes) {
        this.units = units;
        this.calendar = calendar;
        this.evidenceTypes = evidenceTypes;
    }

    Context context() {
        Set<String> windows = calendar.years().stream().flatMap(y -> y.periods().stream())
                .filter(p -> p.kind() == CalendarPeriodKind.WINDOW && p.code() != null)
                .map(p -> p.code()).collect(Collectors.toSet());
        return new Context(units.tree(), windows);
    }

    /** The unit a reference names, searched from {@code base} (itself first, then its subtree in tree order). */
    Optional<OrgUnitView> resolve(Context c, String ref, long baseId) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        OrgUnitView base = c.tree().stream().filter(u -> u.id() == baseId).findFirst().orElse(null);
        if (base == null) {
            return Optional.empty();
        }
        UnitRole role = UnitRole.parse(ref);
        return c.tree().stream()
                .filter(u -> u.id() == base.id() || u.path().startsWith(base.path()))
                .filter(u -> role == null ? u.name().equals(ref) : fits(u, role))
                .findFirst();
    }

    private static boolean fits(OrgUnitView u, UnitRole role) {
        return switch (role) {
            case GENERAL_BRANCH -> u.unitType() == OrgUnitType.GENERAL_BRANCH;
            case TEACHERS_BRANCH -> u.unitType() == OrgUnitType.BRANCH && u.branchKind() == BranchKind.TEACHERS;
            case STUDENTS_BRANCH -> u.unitType() == OrgUnitType.BRANCH && u.branchKind() == BranchKind.STUDENTS;
        };
    }

    /** True when {@code unitId} is one of the units the signed-in account sees. */
    boolean visible(Context c, long unitId) {
        return c.tree().stream().anyMatch(u -> u.id() == unitId);
    }

    boolean windowKnown(Context c, String code) {
        return code == null || c.windows().contains(code);
    }

    /** The known codes of a kind, empty when none are known or the kind's codes are free. */
    Set<String> known(EvidenceKind kind) {
        EvidenceTypes known = evidenceTypes.getIfAvailable();
        return known == null ? Set.of() : known.known(kind).orElse(Set.of());
    }

    /** True when the selector names a type its kind does not know (kinds with free type codes never fail). */
    boolean unknownType(EvidenceSelector e) {
        if (e.type() == null) {
            return false;
        }
        EvidenceTypes known = evidenceTypes.getIfAvailable();
        return known != null && known.known(e.kind()).map(types -> !types.contains(e.type())).orElse(false);
    }
}
