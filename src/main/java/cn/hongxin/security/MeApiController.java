package cn.hongxin.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/me}: who the caller is and what it may do. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The calling account")
class MeApiController {

    /**
     * The calling account.
     *
     * @param scopeOrgUnitId root of the org subtree the account sees; null for the whole organisation
     * @param authenticatedBy {@code token} (personal access token) or {@code password} (HTTP Basic)
     */
    record Me(long id, String username, String displayName, Long personId, Set<Role> roles,
              List<String> permissions, Long scopeOrgUnitId, String authenticatedBy) {
    }

    private final CurrentUsers currentUsers;

    MeApiController(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @Operation(summary = "The calling account, its roles, permissions and data scope")
    Me me(Authentication authentication) {
        CurrentUser user = currentUsers.require();
        List<String> permissions = user.roles().stream().flatMap(r -> r.permissions().stream())
                .map(Permission::authority).distinct().sorted().toList();
        return new Me(user.accountId(), user.username(), user.displayName(), user.personId(), user.roles(),
                permissions, user.scopeOrgUnitId(),
                authentication instanceof AccessTokenAuthentication ? "token" : "password");
    }
}
