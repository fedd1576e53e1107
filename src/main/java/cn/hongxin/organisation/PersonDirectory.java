package cn.hongxin.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;

/**
 * People and units around the caller's scope, for forming something that joins people of several branches
 * (a mentoring pair joins a teacher of the teachers' branch with a student of a class and a teacher who is not a
 * party member, neither of them in that branch). The neighbourhood of a branch or party group scope is the
 * general branch holding it, with its departments, teaching offices and classes (or the committee, for a branch
 * directly under it); any other scope is its own neighbourhood. Only {@link PersonCard} facts are answered:
 * nothing sensitive, so the people list and its data scope stay as they are.
 */
@Service
public class PersonDirectory {

    private final PersonRepository people;
    private final OrgUnitRepository units;
    private final DataScope scope;

    PersonDirectory(PersonRepository people, OrgUnitRepository units, DataScope scope) {
        this.people = people;
        this.units = units;
        this.scope = scope;
    }

    /** Active people of the type in the neighbourhood of the caller (who must hold the permission), pinyin order. */
    @Transactional(readOnly = true)
    public List<PersonCard> neighbourhood(Permission permission, PersonType type) {
        String prefix = neighbourhoodPrefix(scope.require(permission));
        return people.findAll(PersonSpecifications.inUnit(prefix).and(PersonSpecifications.type(type))
                        .and(PersonSpecifications.active(true)), PersonService.PINYIN_ORDER)
                .stream().map(this::card).toList();
    }

    /** The active person, if in the neighbourhood of the caller (who must hold the permission). */
    @Transactional(readOnly = true)
    public Optional<PersonCard> find(Permission permission, long personId) {
        String prefix = neighbourhoodPrefix(scope.require(permission));
        return people.findById(personId).filter(Person::isActive)
                .filter(p -> prefix.isEmpty() || DataScope.within(prefix, p.getBranch())
                        || DataScope.within(prefix, p.getPartyGroup()) || DataScope.within(prefix, p.getAdminUnit()))
                .map(this::card);
    }

    /** Units of the kinds in the neighbourhood of the caller (who must hold the permission), in path order. */
    @Transactional(readOnly = true)
    public List<OrgUnitView> neighbourhoodUnits(Permission permission, Set<OrgUnitType> types) {
        String prefix = neighbourhoodPrefix(scope.require(permission));
        return units.findSubtree(prefix).stream().filter(u -> types.contains(u.getUnitType())).map(OrgUnit::toView)
                .toList();
    }

    private String neighbourhoodPrefix(CurrentUser user) {
        String own = scope.prefix(user);
        if (own.isEmpty()) {
            return own;
        }
        Optional<OrgUnit> unit = units.findById(user.scopeOrgUnitId());
        while (unit.isPresent() && (unit.get().getUnitType() == OrgUnitType.BRANCH
                || unit.get().getUnitType() == OrgUnitType.PARTY_GROUP) && unit.get().getParentId() != null) {
            unit = units.findById(unit.get().getParentId());
        }
        return unit.map(OrgUnit::getPath).orElse(own);
    }

    private PersonCard card(Person p) {
        OrgUnit branch = p.getBranch();
        OrgUnit party = p.getPartyGroup() != null ? p.getPartyGroup() : branch;
        OrgUnit admin = p.getAdminUnit();
        Long department = admin == null ? null
                : admin.getUnitType() == OrgUnitType.DEPARTMENT ? admin.getId() : admin.getParentId();
        return new PersonCard(p.getId(), p.getName(), p.getPersonType(), p.getPoliticalStatus(),
                branch == null ? null : branch.getId(), branch == null ? null : branch.getName(),
                branch == null ? null : branch.toView().branchKind(), party == null ? null : party.getPath(),
                admin == null ? null : admin.getId(), admin == null ? null : admin.getName(), department);
    }
}
