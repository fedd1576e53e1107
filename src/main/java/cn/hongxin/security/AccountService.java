package cn.hongxin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * Opens and manages accounts; every change is audited.
 *
 * <p>Separation of powers (三权分立), enforced here whatever page or client calls:
 * <ul>
 * <li>SYSTEM_ADMIN, SECURITY_ADMIN and AUDITOR exclude each other, and a SECURITY_ADMIN or AUDITOR account holds
 *     no other role, so nobody secures or audits work they do themselves.</li>
 * <li>The system admin ({@code sys:account:manage}) opens and edits ordinary accounts: every role but
 *     SECURITY_ADMIN and AUDITOR. It cannot grant those two roles nor edit or disable accounts holding them; the one
 *     exception is the first appointment: while no enabled account holds SECURITY_ADMIN (or AUDITOR), it may open
 *     one, so that a fresh installation can appoint its three officers.</li>
 * <li>The security admin ({@code sys:security:manage}) unlocks accounts and resets passwords of every account but
 *     its own, and opens, edits, enables and disables SECURITY_ADMIN and AUDITOR accounts; it cannot touch
 *     ordinary accounts' roles.</li>
 * <li>The auditor ({@code sys:audit:read}) manages nothing: it reads and verifies the audit trail.</li>
 * <li>Nobody changes their own roles or disables their own account; one's own password is changed with the current
 *     one ({@link #changeOwnPassword}).</li>
 * <li>A scoped caller can only hand out scopes inside its own subtree, never the whole organisation.</li>
 * </ul>
 * Calls without a signed-in account are system work (first-run setup, loading the demo): they skip the caller
 * rules but never the exclusion rule. Refusals by these rules are audited as DENIED.
 */
@Service
public class AccountService {

    /** An account just opened; {@code initialPassword} is set when it was generated, to be shown once. */
    public record OpenedAccount(AccountView account, String initialPassword) {
    }

    /** The three officers of 三权分立; an account holds at most one of them. */
    static final Set<Role> OFFICER_ROLES = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR);
    /** Roles granted by the security admin, not the system admin; an account holding one holds nothing else. */
    static final Set<Role> SECURITY_ROLES = EnumSet.of(Role.SECURITY_ADMIN, Role.AUDITOR);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final CurrentUsers currentUsers;
    private final ObjectProvider<ScopeUnits> scopeUnits;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
                   AuditTrail audit, SecurityProperties properties, CurrentUsers currentUsers,
                   ObjectProvider<ScopeUnits> scopeUnits) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
        this.currentUsers = currentUsers;
        this.scopeUnits = scopeUnits;
    }

    @Transactional(readOnly = true)
    public boolean anyAccountExists() {
        return accounts.count() > 0;
    }

    /** Opens an account with the password given in the request (which must pass the policy). */
    @Transactional
    public AccountView create(NewAccount request) {
        if (request.password() == null || request.password().isEmpty()) {
            throw new UserFacingException("password.policy.length", policy.minLength());
        }
        return open(request).account();
    }

    /**
     * Opens an account; with a blank password one is generated and returned once. The roles are checked against
     * the separation rules and what the signed-in caller may grant.
     */
    @Transactional
    public OpenedAccount open(NewAccount request) {
        Optional<CurrentUser> caller = currentUsers.current();
        String username = request.username() == null ? "" : request.username().strip();
        if (!username.matches("[A-Za-z0-9_.@-]{3,64}")) {
            throw new UserFacingException("account.username.invalid");
        }
        Set<Role> roles = copy(request.roles());
        checkSeparation(roles);
        if (caller.isPresent()) {
            checkMayGrant(caller.get(), null, EnumSet.noneOf(Role.class), roles, AuditAction.CREATE);
            checkScope(caller.get(), request.scopeOrgUnitId(), roles);
        }
        if (accounts.existsByUsernameIgnoreCase(username)) {
            throw new UserFacingException("account.username.taken", username);
        }
        String displayName = displayName(request.displayName(), username);
        boolean generated = request.password() == null || request.password().isEmpty();
        String password = generated ? generateFor(username) : request.password();
        if (!generated) {
            policy.violation(username, password).ifPresent(key -> {
                throw new UserFacingException(key, policy.minLength());
            });
        }
        Account saved = accounts.save(new Account(username, passwordEncoder.encode(password), displayName, roles,
                SECURITY_ROLES.containsAll(roles) ? null : request.scopeOrgUnitId(), request.personId()));
        audit.record(AuditAction.CREATE, "account", saved.getId(), AuditOutcome.SUCCESS,
                saved.getUsername() + " roles=" + saved.roles() + " scope=" + saved.getScopeOrgUnitId());
        return new OpenedAccount(AccountView.of(saved), generated ? password : null);
    }

    /** Accounts by username or name; for the system admin and the security admin. */
    @Transactional(readOnly = true)
    public Page<AccountView> search(String q, int page, int size) {
        requireAccountManager();
        return accounts.search(q == null ? "" : q.strip(),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))).map(AccountView::of);
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(long id) {
        requireAccountManager();
        return accounts.findById(id).map(AccountView::of);
    }

    /** Whether an enabled account holds the role (e.g. whether a security admin has been appointed yet). */
    @Transactional(readOnly = true)
    public boolean anyEnabledWith(Role role) {
        return accounts.anyEnabledWithRole(role.name());
    }

    @Transactional
    public AccountView update(long id, String displayName, Set<Role> roles, Long scopeOrgUnitId, boolean enabled) {
        CurrentUser caller = currentUsers.require();
        Account a = load(id);
        Set<Role> newRoles = copy(roles);
        checkSeparation(newRoles);
        checkMayGrant(caller, id, a.roles(), newRoles, AuditAction.UPDATE);
        if (caller.accountId() == id && (!newRoles.equals(a.roles()) || !enabled)) {
            deny(AuditAction.UPDATE, id, "account.self.change");
        }
        Long scope = SECURITY_ROLES.containsAll(newRoles) ? null : scopeOrgUnitId;
        if (!Objects.equals(scope, a.getScopeOrgUnitId())) {
            checkScope(caller, scope, newRoles);
        }
        a.setDisplayName(displayName(displayName, a.getUsername()));
        a.setRoles(newRoles);
        a.setScopeOrgUnitId(scope);
        a.setEnabled(enabled);
        audit.record(AuditAction.UPDATE, "account", id, AuditOutcome.SUCCESS,
                a.getUsername() + " roles=" + newRoles + " scope=" + scope + " enabled=" + enabled);
        return AccountView.of(a);
    }

    /** Lifts a lockout; the security admin's. */
    @Transactional
    public void unlock(long id) {
        currentUsers.require(Permission.ACCOUNT_SECURITY);
        Account a = load(id);
        a.unlock();
        audit.record(AuditAction.UNLOCK, "account", id, AuditOutcome.SUCCESS, a.getUsername());
    }

    /** Sets a new password (which must pass the policy) and lifts any lockout; the security admin's. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        CurrentUser caller = currentUsers.require(Permission.ACCOUNT_SECURITY);
        Account a = load(id);
        if (caller.accountId() == id) {
            deny(AuditAction.PASSWORD_RESET, id, "account.self.reset");
        }
        policy.violation(a.getUsername(), newPassword).ifPresent(key -> {
            throw new UserFacingException(key, policy.minLength());
        });
        a.changePassword(passwordEncoder.encode(newPassword));
        a.unlock();
        audit.record(AuditAction.PASSWORD_RESET, "account", id, AuditOutcome.SUCCESS, a.getUsername());
    }

    /** Resets the password to a generated one, returned to be shown once; the security admin's. */
    @Transactional
    public String resetPassword(long id) {
        currentUsers.require(Permission.ACCOUNT_SECURITY);
        String password = generateFor(load(id).getUsername());
        resetPassword(id, password);
        return password;
    }

    /** The signed-in account changes its own password, proving it knows the current one. */
    @Transactional
    public void changeOwnPassword(long id, String current, String newPassword) {
        if (currentUsers.require().accountId() != id) {
            throw new org.springframework.security.access.AccessDeniedException("not the own account");
        }
        Account a = load(id);
        if (current == null || !passwordEncoder.matches(current, a.getPasswordHash())) {
            audit.record(AuditAction.PASSWORD_CHANGE, "account", id, AuditOutcome.FAILURE, "wrong current password");
            throw new UserFacingException("password.current.wrong");
        }
        policy.violation(a.getUsername(), newPassword).ifPresent(key -> {
            throw new UserFacingException(key, policy.minLength());
        });
        if (passwordEncoder.matches(newPassword, a.getPasswordHash())) {
            throw new UserFacingException("password.same");
        }
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
        accounts.findByUsernameIgnoreCase(username).ifPresent(a -> accounts.loginSucceeded(a.getId(), Instant.now()));
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

    /** No more than one of the three officers; a security admin or auditor holds nothing else. */
    static void checkSeparation(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new UserFacingException("account.roles.required");
        }
        if (roles.stream().filter(OFFICER_ROLES::contains).count() > 1) {
            throw new UserFacingException("account.roles.separation");
        }
        if (roles.stream().anyMatch(SECURITY_ROLES::contains) && roles.size() > 1) {
            throw new UserFacingException("account.roles.alone");
        }
    }

    /** Whether the caller may turn an account holding {@code before} into one holding {@code after}. */
    private void checkMayGrant(CurrentUser caller, Long id, Set<Role> before, Set<Role> after, AuditAction action) {
        Set<Role> touched = EnumSet.noneOf(Role.class);
        touched.addAll(before);
        touched.addAll(after);
        boolean securityRoles = touched.stream().anyMatch(SECURITY_ROLES::contains);
        boolean ordinaryRoles = touched.stream().anyMatch(r -> !SECURITY_ROLES.contains(r));
        if (caller.has(Permission.ACCOUNT_SECURITY) && !ordinaryRoles) {
            return;
        }
        if (caller.has(Permission.ACCOUNT_MANAGE)) {
            if (!securityRoles) {
                return;
            }
            boolean firstAppointment = before.isEmpty() && after.stream().filter(SECURITY_ROLES::contains)
                    .noneMatch(r -> accounts.anyEnabledWithRole(r.name()));
            if (firstAppointment) {
                return;
            }
            deny(action, id, "account.roles.securityOnly");
        }
        if (caller.has(Permission.ACCOUNT_SECURITY)) {
            deny(action, id, "account.roles.systemOnly");
        }
        throw new org.springframework.security.access.AccessDeniedException("missing permission "
                + Permission.ACCOUNT_MANAGE.authority());
    }

    /** A scoped caller hands out only units of its own subtree; the whole organisation needs an unrestricted one. */
    private void checkScope(CurrentUser caller, Long scope, Set<Role> roles) {
        if (SECURITY_ROLES.containsAll(roles)) {
            return;
        }
        if (scope == null) {
            if (!caller.unrestricted()) {
                throw new UserFacingException("account.scope.invalid");
            }
            return;
        }
        ScopeUnits units = scopeUnits.getIfAvailable();
        if (units != null && units.assignable().stream().noneMatch(u -> u.id() == scope)) {
            throw new UserFacingException("account.scope.invalid");
        }
    }

    private void requireAccountManager() {
        CurrentUser user = currentUsers.require();
        if (!user.has(Permission.ACCOUNT_MANAGE) && !user.has(Permission.ACCOUNT_SECURITY)) {
            throw new org.springframework.security.access.AccessDeniedException("missing permission "
                    + Permission.ACCOUNT_MANAGE.authority());
        }
    }

    private void deny(AuditAction action, Long id, String messageKey) {
        audit.record(action, "account", id, AuditOutcome.DENIED, messageKey);
        throw new UserFacingException(messageKey);
    }

    private String generateFor(String username) {
        String password;
        do {
            password = PasswordGenerator.generate();
        } while (policy.violation(username, password).isPresent());
        return password;
    }

    private static String displayName(String requested, String username) {
        String name = requested == null || requested.isBlank() ? username : requested.strip();
        if (name.length() > 100) {
            throw new UserFacingException("account.displayName.tooLong", 100);
        }
        return name;
    }

    private static Set<Role> copy(Set<Role> roles) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(Objects::nonNull).forEach(out::add);
        }
        return out;
    }

    private Account load(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    /**
     * Whether the account exists, is enabled and is not locked out now: for credentials that work without
     * signing in (calendar feed secrets), which must stop while their account is disabled or locked.
     */
    @Transactional(readOnly = true)
    public boolean isActive(long accountId) {
        Instant now = Instant.now();
        return accounts.findById(accountId).filter(a -> a.isEnabled() && !a.lockedAt(now)).isPresent();
    }
}
