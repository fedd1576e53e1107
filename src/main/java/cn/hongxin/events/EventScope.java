package cn.hongxin.events;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;

/**
 * The org-path prefix of the signed-in account's scope, as the organisation module computes it: ""
 * for the whole organisation, the scope unit's path otherwise; an event is in scope when its
 * organiser's path starts with it.
 */
@Component
class EventScope {

    private static final String NOTHING = "/none/";

    private final CurrentUsers currentUsers;
    private final OrgUnitService units;

    EventScope(CurrentUsers currentUsers, OrgUnitService units) {
        this.currentUsers = currentUsers;
        this.units = units;
    }

    CurrentUser user() {
        return currentUsers.require();
    }

    CurrentUser require(Permission permission) {
        return currentUsers.require(permission);
    }

    String prefix(CurrentUser user) {
        if (user.unrestricted()) {
            return "";
        }
        if (!user.has(Permission.ORG_VIEW)) {
            return NOTHING;
        }
        // An account whose scope unit was deleted sees nothing rather than everything.
        return units.find(user.scopeOrgUnitId()).map(OrgUnitView::path).orElse(NOTHING);
    }

    /**
     * The organiser unit a form names, if it lies in the user's scope; otherwise a problem on the
     * {@code organiserUnitId} field (required, or invalid) and {@code null}.
     */
    OrgUnitView organiserUnit(CurrentUser user, Long unitId, List<FieldProblem> problems) {
        if (unitId == null) {
            problems.add(new FieldProblem("organiserUnitId", "validation.required"));
            return null;
        }
        String prefix = prefix(user);
        OrgUnitView unit = units.find(unitId).filter(u -> u.path().startsWith(prefix)).orElse(null);
        if (unit == null) {
            problems.add(new FieldProblem("organiserUnitId", "validation.invalid"));
        }
        return unit;
    }

    boolean within(CurrentUser user, Permission permission, Event event) {
        return within(user, permission, event.getOrganiserUnitPath());
    }

    /** As above, for an event known by its organiser unit's path. */
    boolean within(CurrentUser user, Permission permission, String organiserUnitPath) {
        return user.has(permission) && organiserUnitPath.startsWith(prefix(user));
    }
}
