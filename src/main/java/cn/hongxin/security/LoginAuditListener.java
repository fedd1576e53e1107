package cn.hongxin.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins towards the lockout and writes every login and logout to the audit trail. */
@Component
class LoginAuditListener {

    private final AccountService accounts;
    private final AuditTrail audit;

    LoginAuditListener(AccountService accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            accounts.loginSucceeded(p.username());
            audit.recordAs(p.username(), p.accountId(), AuditAction.LOGIN, "account", p.accountId(),
                    AuditOutcome.SUCCESS, null);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.loginFailed(username);
        }
        audit.recordAs(username.length() > 64 ? username.substring(0, 64) : username, null,
                AuditAction.LOGIN_FAILED, "account", null, AuditOutcome.FAILURE,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            audit.recordAs(p.username(), p.accountId(), AuditAction.LOGOUT, "account", p.accountId(),
                    AuditOutcome.SUCCESS, null);
        }
    }
}
