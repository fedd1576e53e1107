package cn.hongxin.events;

import org.springframework.stereotype.Component;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;

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

    boolean within(CurrentUser user, Permission permission, Event event) {
        return user.has(permission) && event.getOrganiserUnitPath().startsWith(prefix(user));
    }
}
