package cn.hongxin.security;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * Opening accounts through the API ({@code sys:account:manage}), e.g. for a batch of members linked to the people
 * just imported. The same {@link AccountService} as {@code /system/accounts}: password policy, separation of
 * duties and the caller's scope apply, and every account opened is audited.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Opening accounts (system administrators)")
class AccountApiController {

    /** A new account; {@code password} must pass the policy. */
    record NewAccountJson(String username, String password, String displayName, Set<Role> roles,
                          Long scopeOrgUnitId, Long personId) {
    }

    private final AccountService accounts;
    private final CurrentUsers currentUsers;

    AccountApiController(AccountService accounts, CurrentUsers currentUsers) {
        this.accounts = accounts;
        this.currentUsers = currentUsers;
    }

    @PostMapping
    @Operation(summary = "Open an account with the given password; refusals name the field (400), a role the "
            + "caller may not grant answers 403")
    ResponseEntity<AccountView> create(@RequestBody NewAccountJson body) {
        currentUsers.require(Permission.ACCOUNT_MANAGE);
        AccountView created;
        try {
            created = accounts.create(new NewAccount(body.username(), body.password(), body.displayName(),
                    body.roles(), body.scopeOrgUnitId(), body.personId()));
        } catch (UserFacingException e) {
            String field = fieldOf(e.messageKey());
            if (field == null) {
                throw e;
            }
            throw new InvalidInputException(List.of(new FieldProblem(field, e.messageKey(), e.args())));
        }
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())).body(created);
    }

    /** The request field a refusal of {@link AccountService} is about, or null when it concerns no one field. */
    private static String fieldOf(String messageKey) {
        if (messageKey.startsWith("account.username.")) {
            return "username";
        }
        if (messageKey.startsWith("password.")) {
            return "password";
        }
        if (messageKey.startsWith("account.roles.")) {
            return "roles";
        }
        if (messageKey.startsWith("account.scope.")) {
            return "scopeOrgUnitId";
        }
        if (messageKey.startsWith("account.displayName.")) {
            return "displayName";
        }
        return null;
    }
}
