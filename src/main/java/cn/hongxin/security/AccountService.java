package cn.hongxin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/** Opens and manages accounts; every change is audited. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final SecurityProperties properties;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
                   AuditTrail audit, SecurityProperties properties) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public boolean anyAccountExists() {
        return accounts.count() > 0;
    }

    @Transactional
    public AccountView create(NewAccount request) {
        String username = request.username() == null ? "" : request.username().strip();
        if (!username.matches("[A-Za-z0-9_.@-]{3,64}")) {
            throw new UserFacingException("account.username.invalid");
        }
        if (accounts.existsByUsernameIgnoreCase(username)) {
            throw new UserFacingException("account.username.taken", username);
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new UserFacingException("account.roles.required");
        }
        policy.violation(username, request.password()).ifPresent(key -> {
            throw new UserFacingException(key, policy.minLength());
        });
        String displayName = request.displayName() == null || request.displayName().isBlank()
                ? username : request.displayName().strip();
        Account saved = accounts.save(new Account(username, passwordEncoder.encode(request.password()),
                displayName, request.roles(), request.scopeOrgUnitId(), request.personId()));
        audit.record(AuditAction.CREATE, "account", saved.getId(), AuditOutcome.SUCCESS,
                "roles=" + saved.roles());
        return AccountView.of(saved);
    }

    @Transactional(readOnly = true)
    public Page<AccountView> search(String q, int page, int size) {
        return accounts.search(q == null ? "" : q.strip(), PageRequest.of(page, size)).map(AccountView::of);
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(long id) {
        return accounts.findById(id).map(AccountView::of);
    }

    @Transactional
    public AccountView update(long id, String displayName, Set<Role> roles, Long scopeOrgUnitId, boolean enabled) {
        Account a = load(id);
        if (roles == null || roles.isEmpty()) {
            throw new UserFacingException("account.roles.required");
        }
        a.setDisplayName(displayName == null || displayName.isBlank() ? a.getUsername() : displayName.strip());
        a.setRoles(roles);
        a.setScopeOrgUnitId(scopeOrgUnitId);
        a.setEnabled(enabled);
        audit.record(AuditAction.UPDATE, "account", id, AuditOutcome.SUCCESS,
                "roles=" + roles + " scope=" + scopeOrgUnitId + " enabled=" + enabled);
        return AccountView.of(a);
    }

    @Transactional
    public void unlock(long id) {
        load(id).unlock();
        audit.record(AuditAction.UNLOCK, "account", id, AuditOutcome.SUCCESS, null);
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        Account a = load(id);
        policy.violation(a.getUsername(), newPassword).ifPresent(key -> {
            throw new UserFacingException(key, policy.minLength());
        });
        a.changePassword(passwordEncoder.encode(newPassword));
        a.unlock();
        audit.record(AuditAction.PASSWORD_RESET, "account", id, AuditOutcome.SUCCESS, null);
    }

    @Transactional
    public void changeOwnPassword(long id, String current, String newPassword) {
        Account a = load(id);
        if (!passwordEncoder.matches(current, a.getPasswordHash())) {
            audit.record(AuditAction.PASSWORD_CHANGE, "account", id, AuditOutcome.FAILURE, "wrong current password");
            throw new UserFacingException("password.current.wrong");
        }
        policy.violation(a.getUsername(), newPassword).ifPresent(key -> {
            throw new UserFacingException(key, policy.minLength());
        });
        a.changePassword(passwordEncoder.encode(newPassword));
        audit.record(AuditAction.PASSWORD_CHANGE, "account", id, AuditOutcome.SUCCESS, null);
    }

    /** Records a failed login; locks the account after the configured number of failures. */
    @Transactional
    void loginFailed(String username) {
        accounts.findByUsernameIgnoreCase(username).ifPresent(a -> {
            Instant now = Instant.now();
            a.loginFailed(now, properties.lockoutThreshold(), Duration.ofMinutes(properties.lockoutMinutes()));
            if (a.lockedAt(now)) {
                audit.recordAs(username, a.getId(), AuditAction.LOCKED, "account", a.getId(), AuditOutcome.SUCCESS,
                        "locked for " + properties.lockoutMinutes() + " min");
            }
        });
    }

    @Transactional
    void loginSucceeded(String username) {
        accounts.findByUsernameIgnoreCase(username).ifPresent(a -> a.loginSucceeded(Instant.now()));
    }

    /**
     * Runs {@code work} as the named account, for work that no request carries: first-run setup loading
     * the demo, scheduled jobs. Audit entries name that account.
     */
    public <T> T runAs(String username, java.util.function.Supplier<T> work) {
        Account a = accounts.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new NotFoundException("account", username));
        AccountPrincipal principal = AccountPrincipal.of(a, false);
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    private Account load(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }
}
