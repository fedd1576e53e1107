package cn.hongxin.outreach;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PersonDetail;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.NotFoundException;

/**
 * The outreach module's data scope: everything belongs to a party unit (the team's, the column's, the talk's
 * organiser) and is seen and changed by accounts with {@code outreach:edit} whose scope holds that unit.
 */
@Component
class OutreachScope {

    private final CurrentUsers currentUsers;
    private final OrgUnitService units;
    private final PersonService people;

    OutreachScope(CurrentUsers currentUsers, OrgUnitService units, PersonService people) {
        this.currentUsers = currentUsers;
        this.units = units;
        this.people = people;
    }

    /** The signed-in account, which must hold outreach:edit (else 403). */
    CurrentUser require() {
        return currentUsers.require(Permission.OUTREACH_EDIT);
    }

    /** The org-path prefix of the account's scope: "" for the whole organisation. */
    String prefix(CurrentUser user) {
        if (user.unrestricted()) {
            return "";
        }
        return units.find(user.scopeOrgUnitId()).map(OrgUnitView::path).orElse("/none/");
    }

    boolean within(CurrentUser user, String path) {
        return path != null && path.startsWith(prefix(user));
    }

    /** The party units (general branches and branches) in scope that may own a team, a column or a talk. */
    List<OrgUnitView> partyUnits() {
        require();
        return units.visible(EnumSet.of(OrgUnitType.GENERAL_BRANCH, OrgUnitType.BRANCH));
    }

    /** A party unit in scope, or empty. */
    Optional<OrgUnitView> partyUnit(Long unitId) {
        if (unitId == null) {
            return Optional.empty();
        }
        return partyUnits().stream().filter(u -> u.id() == unitId).findFirst();
    }

    /** A person in the caller's scope, or empty. */
    Optional<PersonDetail> person(Long personId) {
        if (personId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(people.get(personId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
