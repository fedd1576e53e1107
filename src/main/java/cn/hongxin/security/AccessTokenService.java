package cn.hongxin.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/** Personal access tokens for scripts: {@code Authorization: Bearer hx_…}. */
@Service
public class AccessTokenService {

    /** The secret, shown to its owner once. */
    public record IssuedToken(AccessTokenView token, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessTokenRepository tokens;
    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final CurrentUsers currentUsers;

    AccessTokenService(AccessTokenRepository tokens, AccountRepository accounts, AuditTrail audit,
                       CurrentUsers currentUsers) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.currentUsers = currentUsers;
    }

    /** Issues a token to the signed-in account ({@code accountId} must be its own); the secret is returned once. */
    @Transactional
    public IssuedToken issue(long accountId, String name, Integer validDays) {
        requireOwner(accountId);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new UserFacingException("token.name.required");
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw new UserFacingException("token.days.invalid");
        }
        byte[] raw = new byte[30];
        RANDOM.nextBytes(raw);
        String secret = "hx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = validDays == null ? null : Instant.now().plus(Duration.ofDays(validDays));
        AccessToken token = tokens.save(new AccessToken(accountId, name.strip(), Hashes.sha256Hex(secret),
                secret.substring(0, 10), expires));
        audit.record(AuditAction.TOKEN_CREATE, "access_token", token.getId(), AuditOutcome.SUCCESS, name.strip());
        return new IssuedToken(token.toView(), secret);
    }

    @Transactional(readOnly = true)
    public List<AccessTokenView> list(long accountId) {
        requireOwner(accountId);
        return tokens.findByAccountIdOrderByCreatedAtDesc(accountId).stream().map(AccessToken::toView).toList();
    }

    @Transactional
    public void revoke(long accountId, long tokenId) {
        requireOwner(accountId);
        AccessToken token = tokens.findById(tokenId).filter(t -> t.getAccountId() == accountId)
                .orElseThrow(() -> new NotFoundException("token", tokenId));
        if (token.isRevoked()) {
            return;
        }
        token.revoke();
        audit.record(AuditAction.TOKEN_REVOKE, "access_token", tokenId, AuditOutcome.SUCCESS, null);
    }

    /** Tokens are personal: only their owner, holding {@code sys:token:use}, issues, lists or revokes them. */
    private void requireOwner(long accountId) {
        if (currentUsers.require(Permission.TOKEN_USE).accountId() != accountId) {
            throw new org.springframework.security.access.AccessDeniedException("not the own account");
        }
    }

    /** The principal a presented secret stands for, if the token is valid and its account usable. */
    @Transactional
    Optional<AccountPrincipal> authenticate(String secret) {
        Instant now = Instant.now();
        return tokens.findByTokenHash(Hashes.sha256Hex(secret)).filter(t -> t.usableAt(now)).flatMap(t -> {
            if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minusSeconds(60))) {
                t.used(now);
            }
            return accounts.findById(t.getAccountId())
                    .filter(a -> a.isEnabled() && !a.lockedAt(now))
                    .map(a -> AccountPrincipal.of(a, false));
        });
    }
}
