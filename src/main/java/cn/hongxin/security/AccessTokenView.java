package cn.hongxin.security;

import java.time.Instant;

/** A personal access token as listed (never the secret itself). */
public record AccessTokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
                              Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
    }
}
