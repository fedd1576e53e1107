package cn.hongxin.security;

import java.io.Serial;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal kept in the session: a snapshot of the account, not the entity. */
record AccountPrincipal(long accountId, String username, String displayName, String passwordHash,
                        Long personId, Set<Role> roles, Long scopeOrgUnitId, boolean enabled,
                        boolean locked) implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    static AccountPrincipal of(Account a, boolean locked) {
        return new AccountPrincipal(a.getId(), a.getUsername(), a.getDisplayName(), a.getPasswordHash(),
                a.getPersonId(), a.roles(), a.getScopeOrgUnitId(), a.isEnabled(), locked);
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(accountId, username, displayName, personId, roles, scopeOrgUnitId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<GrantedAuthority> out = new HashSet<>();
        roles.forEach(r -> Stream.concat(Stream.of("ROLE_" + r.name()),
                        r.permissions().stream().map(Permission::authority))
                .forEach(s -> out.add(new SimpleGrantedAuthority(s))));
        return out;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
