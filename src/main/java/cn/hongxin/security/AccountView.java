package cn.hongxin.security;

import java.time.Instant;
import java.util.Set;

/** An account as pages and the API show it. */
public record AccountView(long id, String username, String displayName, Long personId, Set<Role> roles,
                          Long scopeOrgUnitId, boolean enabled, boolean locked, Instant lockedUntil,
                          Instant lastLoginAt, Instant createdAt) {

    static AccountView of(Account a) {
        Instant now = Instant.now();
        return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(), a.getPersonId(), a.roles(),
                a.getScopeOrgUnitId(), a.isEnabled(), a.lockedAt(now), a.getLockedUntil(), a.getLastLoginAt(),
                a.getCreatedAt());
    }
}
