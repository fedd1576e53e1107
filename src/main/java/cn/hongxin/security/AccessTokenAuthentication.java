package cn.hongxin.security;

import java.io.Serial;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** An API request authenticated by a personal access token (not by a password). */
final class AccessTokenAuthentication extends UsernamePasswordAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    AccessTokenAuthentication(AccountPrincipal principal) {
        super(principal, null, principal.getAuthorities());
    }
}
