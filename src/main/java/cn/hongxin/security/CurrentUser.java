package cn.hongxin.security;

import java.util.Set;

/**
 * The signed-in account as other modules see it.
 *
 * @param scopeOrgUnitId root of the org subtree whose data this account may see; {@code null} means
 *                       the whole organisation
 */
public record CurrentUser(long accountId, String username, String displayName, Long personId,
                          Set<Role> roles, Long scopeOrgUnitId) {

    public boolean has(Permission permission) {
        return roles.stream().anyMatch(r -> r.permissions().contains(permission));
    }

    public boolean unrestricted() {
        return scopeOrgUnitId == null;
    }
}
