package cn.hongxin.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A personal access token; only its SHA-256 is stored, the token itself is shown once. */
@Entity
@Table(name = "access_token")
class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long accountId;
    private String name;
    private String tokenHash;
    private String tokenPrefix;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    protected AccessToken() {
    }

    AccessToken(Long accountId, String name, String tokenHash, String tokenPrefix, Instant expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    void revoke() {
        revokedAt = Instant.now();
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void used(Instant now) {
        lastUsedAt = now;
    }

    AccessTokenView toView() {
        return new AccessTokenView(id, name, tokenPrefix, createdAt, expiresAt, lastUsedAt, revokedAt);
    }

    Long getId() { return id; }
    Long getAccountId() { return accountId; }
    Instant getLastUsedAt() { return lastUsedAt; }
}
