package cn.hongxin.security;

import java.net.URI;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    @Operation(summary = "Open an account with the given password")
    ResponseEntity<AccountView> create(@RequestBody NewAccountJson body) {
        currentUsers.require(Permission.ACCOUNT_MANAGE);
        AccountView created = accounts.create(new NewAccount(body.username(), body.password(), body.displayName(),
                body.roles(), body.scopeOrgUnitId(), body.personId()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())).body(created);
    }
}
