package cn.hongxin.security;

import java.util.Set;

/** What it takes to open an account; the password is checked against the policy. */
public record NewAccount(String username, String password, String displayName, Set<Role> roles,
                         Long scopeOrgUnitId, Long personId) {
}
