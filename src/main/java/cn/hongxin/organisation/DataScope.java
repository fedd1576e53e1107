package cn.hongxin.organisation;

import org.springframework.stereotype.Component;

import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;

/**
 * Turns the signed-in account's scope into the org-path prefix that every query of this module
 * filters on: "" for the whole organisation, "/1/4/" for the subtree of unit 4.
 */
@Component
class DataScope {

    private final CurrentUsers currentUsers;
    private final OrgUnitRepository units;

    DataScope(CurrentUsers currentUsers, OrgUnitRepository units) {
        this.currentUsers = currentUsers;
        this.units = units;
    }

    CurrentUser require(Permission permission) {
        return currentUsers.require(permission);
    }

    java.util.Optional<CurrentUser> current() {
        return currentUsers.current();
    }

    String prefix(CurrentUser user) {
        if (user.unrestricted()) {
            return "";
        }
        // An account whose scope unit was deleted sees nothing rather than everything.
        return units.findById(user.scopeOrgUnitId()).map(OrgUnit::getPath).orElse("/none/");
    }

    String prefix(Permission permission) {
        return prefix(require(permission));
    }

    static boolean within(String prefix, OrgUnit unit) {
        return unit != null && unit.getPath().startsWith(prefix);
    }
}
