package cn.hongxin.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Gives other modules the signed-in account and its data scope. */
@Component
public class CurrentUsers {

    public Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(principal.toCurrentUser());
        }
        return Optional.empty();
    }

    /** The signed-in account; throws {@link AccessDeniedException} when nobody is signed in. */
    public CurrentUser require() {
        return current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The signed-in account, which must hold {@code permission}. */
    public CurrentUser require(Permission permission) {
        CurrentUser user = require();
        if (!user.has(permission)) {
            throw new AccessDeniedException("missing permission " + permission.authority());
        }
        return user;
    }
}
