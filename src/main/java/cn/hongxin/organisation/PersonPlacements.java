package cn.hongxin.organisation;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.CurrentUser;

/**
 * The org-tree facts other modules need to apply the same data scope as this one: where a person
 * stands, the path prefix an account's scope stands for, and the path of a unit inside it.
 */
@Service
public class PersonPlacements {

    private final PersonRepository people;
    private final OrgUnitRepository units;
    private final DataScope scope;

    PersonPlacements(PersonRepository people, OrgUnitRepository units, DataScope scope) {
        this.people = people;
        this.units = units;
        this.scope = scope;
    }

    /** Where the person stands now; for recording a person's own doings, so no permission is asked. */
    @Transactional(readOnly = true)
    public Optional<PersonPlacement> of(long personId) {
        return people.findById(personId).map(p -> {
            OrgUnit party = p.getPartyGroup() != null ? p.getPartyGroup() : p.getBranch();
            OrgUnit admin = p.getAdminUnit();
            String unitName = p.getBranch() != null ? p.getBranch().getName()
                    : party != null ? party.getName() : admin != null ? admin.getName() : null;
            return new PersonPlacement(p.getId(), p.getName(), unitName, party == null ? null : party.getPath(),
                    admin == null ? null : admin.getPath());
        });
    }

    /** The org-path prefix of the account's scope: "" for the whole organisation. */
    @Transactional(readOnly = true)
    public String scopePrefix(CurrentUser user) {
        return scope.prefix(user);
    }

    /** The path of a unit lying within {@code prefix}; empty for an unknown or out-of-scope unit. */
    @Transactional(readOnly = true)
    public Optional<String> pathWithin(long unitId, String prefix) {
        return units.findById(unitId).filter(u -> DataScope.within(prefix, u)).map(OrgUnit::getPath);
    }
}
