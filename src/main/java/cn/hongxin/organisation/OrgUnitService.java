package cn.hongxin.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/** The org tree, limited to the caller's data scope. */
@Service
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final PersonRepository people;
    private final DataScope scope;
    private final AuditTrail audit;

    OrgUnitService(OrgUnitRepository units, PersonRepository people, DataScope scope, AuditTrail audit) {
        this.units = units;
        this.people = people;
        this.scope = scope;
        this.audit = audit;
    }

    /** The visible units in tree order (depth first, siblings by sort order then name). */
    @Transactional(readOnly = true)
    public List<OrgUnitView> tree() {
        return treeUnder(scope.prefix(Permission.ORG_VIEW));
    }

    /** The visible units of the given kinds, in tree order, for pick lists. */
    @Transactional(readOnly = true)
    public List<OrgUnitView> visible(java.util.Set<OrgUnitType> types) {
        return tree().stream().filter(u -> types.contains(u.unitType())).toList();
    }

    /**
     * The units visible to the caller under another permission than {@code org:unit:view}, in tree
     * order: the pick lists of the people pages follow the people permission's scope.
     */
    @Transactional(readOnly = true)
    public List<OrgUnitView> visibleFor(Permission permission) {
        return treeUnder(scope.prefix(permission));
    }

    /**
     * Every department, teaching office and class, whatever the caller's scope: they are reference data
     * that a branch secretary needs to place students (who stay visible through their branch).
     */
    @Transactional(readOnly = true)
    public List<OrgUnitView> administrativeUnits() {
        scope.require(Permission.PERSON_VIEW);
        return treeUnder("").stream().filter(u -> !u.unitType().party()).toList();
    }

    /** Active people whose branch, party group or administrative unit lies in the unit's subtree. */
    @Transactional(readOnly = true)
    public long headcount(long id) {
        String prefix = scope.prefix(Permission.ORG_VIEW);
        OrgUnit unit = units.findById(id).filter(u -> DataScope.within(prefix, u))
                .orElseThrow(() -> new NotFoundException("org unit", id));
        return people.count(PersonSpecifications.inUnit(unit.getPath()).and(PersonSpecifications.active(true)));
    }

    @Transactional(readOnly = true)
    public Optional<OrgUnitView> find(long id) {
        String prefix = scope.prefix(Permission.ORG_VIEW);
        return units.findById(id).filter(u -> DataScope.within(prefix, u)).map(OrgUnit::toView);
    }

    @Transactional
    public OrgUnitView create(NewOrgUnit cmd) {
        String prefix = scope.prefix(Permission.ORG_EDIT);
        OrgUnit parent = cmd.parentId() == null ? null : units.findById(cmd.parentId())
                .filter(u -> DataScope.within(prefix, u)).orElseThrow(() -> new NotFoundException("org unit", cmd.parentId()));
        if (parent == null && !prefix.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("root outside scope");
        }
        validate(cmd, parent == null ? null : parent.getUnitType());
        OrgUnit unit = units.save(new OrgUnit(cmd.parentId(), cmd.name().strip(), blankToNull(cmd.shortName()),
                cmd.unitType(), branchKindFor(cmd), cmd.sortOrder() == null ? 0 : cmd.sortOrder(),
                cmd.establishedOn()));
        unit.placeUnder(parent == null ? null : parent.getPath());
        audit.record(AuditAction.CREATE, "org_unit", unit.getId(), AuditOutcome.SUCCESS, unit.getName());
        return unit.toView();
    }

    /** Creates the root of the tree during first-run setup; refused once any unit exists. */
    @Transactional
    public OrgUnitView createRoot(String name, OrgUnitType type) {
        if (units.count() > 0) {
            throw new UserFacingException("setup.already");
        }
        OrgUnit unit = units.save(new OrgUnit(null, name.strip(), null, type, null, 0, null));
        unit.placeUnder(null);
        return unit.toView();
    }

    @Transactional
    public OrgUnitView update(long id, NewOrgUnit cmd) {
        String prefix = scope.prefix(Permission.ORG_EDIT);
        OrgUnit unit = units.findById(id).filter(u -> DataScope.within(prefix, u))
                .orElseThrow(() -> new NotFoundException("org unit", id));
        OrgUnitType parentType = unit.getParentId() == null ? null
                : units.findById(unit.getParentId()).map(OrgUnit::getUnitType).orElse(null);
        validate(new NewOrgUnit(unit.getParentId(), cmd.name(), cmd.shortName(), unit.getUnitType(),
                cmd.branchKind(), cmd.sortOrder(), cmd.establishedOn()), parentType);
        unit.rename(cmd.name().strip(), blankToNull(cmd.shortName()),
                unit.getUnitType() == OrgUnitType.BRANCH ? cmd.branchKind() : null,
                cmd.sortOrder() == null ? 0 : cmd.sortOrder(), cmd.establishedOn());
        audit.record(AuditAction.UPDATE, "org_unit", id, AuditOutcome.SUCCESS, unit.getName());
        return unit.toView();
    }

    @Transactional
    public void delete(long id) {
        String prefix = scope.prefix(Permission.ORG_EDIT);
        OrgUnit unit = units.findById(id).filter(u -> DataScope.within(prefix, u))
                .orElseThrow(() -> new NotFoundException("org unit", id));
        if (units.existsByParentId(id)) {
            throw new UserFacingException("org.unit.delete.hasChildren");
        }
        if (people.count(PersonSpecifications.inUnit(unit.getPath())) > 0) {
            throw new UserFacingException("org.unit.delete.hasPeople");
        }
        units.delete(unit);
        audit.record(AuditAction.DELETE, "org_unit", id, AuditOutcome.SUCCESS, unit.getName());
    }

    List<OrgUnitView> treeUnder(String prefix) {
        List<OrgUnitView> all = units.findSubtree(prefix).stream().map(OrgUnit::toView).toList();
        Map<Long, List<OrgUnitView>> children = all.stream().filter(u -> u.parentId() != null)
                .collect(Collectors.groupingBy(OrgUnitView::parentId));
        Comparator<OrgUnitView> order = Comparator.comparingInt(OrgUnitView::sortOrder)
                .thenComparing(OrgUnitView::name);
        java.util.Set<Long> ids = all.stream().map(OrgUnitView::id).collect(Collectors.toSet());
        List<OrgUnitView> roots = all.stream().filter(u -> u.parentId() == null || !ids.contains(u.parentId()))
                .sorted(order).toList();
        List<OrgUnitView> out = new ArrayList<>();
        roots.forEach(r -> walk(r, children, order, out));
        return out;
    }

    private static void walk(OrgUnitView unit, Map<Long, List<OrgUnitView>> children, Comparator<OrgUnitView> order,
                             List<OrgUnitView> out) {
        out.add(unit);
        children.getOrDefault(unit.id(), List.of()).stream().sorted(order)
                .forEach(c -> walk(c, children, order, out));
    }

    private static void validate(NewOrgUnit cmd, OrgUnitType parentType) {
        List<FieldProblem> problems = new ArrayList<>();
        if (cmd.name() == null || cmd.name().isBlank()) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (cmd.name().strip().length() > 100) {
            problems.add(new FieldProblem("name", "validation.tooLong", 100));
        }
        if (cmd.unitType() == null) {
            problems.add(new FieldProblem("unitType", "validation.required"));
        } else if (parentType != null && !parentType.allowedChildren().contains(cmd.unitType())) {
            problems.add(new FieldProblem("unitType", "org.unit.type.notAllowed"));
        }
        if (cmd.unitType() == OrgUnitType.BRANCH && cmd.branchKind() == null) {
            problems.add(new FieldProblem("branchKind", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static BranchKind branchKindFor(NewOrgUnit cmd) {
        return cmd.unitType() == OrgUnitType.BRANCH ? cmd.branchKind() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
