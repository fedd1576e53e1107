package cn.hongxin.security;

import java.util.Set;

/** The add/edit account form; a blank password on "add" means "generate one". */
record AccountForm(String username, String displayName, Set<Role> roles, Long scopeOrgUnitId, Boolean enabled,
                   String password) {

    static AccountForm empty() {
        return new AccountForm("", "", Set.of(), null, true, "");
    }

    static AccountForm of(AccountView a) {
        return new AccountForm(a.username(), a.displayName(), a.roles(), a.scopeOrgUnitId(), a.enabled(), "");
    }

    public boolean has(Role role) {
        return roles != null && roles.contains(role);
    }
}
