package cn.hongxin.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String passwordHash;
    private String displayName;
    private Long personId;
    private Long scopeOrgUnitId;
    private String roles;
    private boolean enabled = true;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    private Instant lastLoginAt;
    private Instant createdAt;
    @Version
    private long version;

    protected Account() {
    }

    Account(String username, String passwordHash, String displayName, Set<Role> roles, Long scopeOrgUnitId,
            Long personId) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.scopeOrgUnitId = scopeOrgUnitId;
        this.personId = personId;
        this.createdAt = Instant.now();
        this.passwordChangedAt = createdAt;
        setRoles(roles);
    }

    Set<Role> roles() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    void setRoles(Set<Role> newRoles) {
        this.roles = newRoles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void loginFailed(Instant now, int threshold, java.time.Duration lockFor) {
        failedAttempts++;
        if (failedAttempts >= threshold) {
            lockedUntil = now.plus(lockFor);
            failedAttempts = 0;
        }
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
        this.passwordChangedAt = Instant.now();
    }

    Long getId() { return id; }
    String getUsername() { return username; }
    String getPasswordHash() { return passwordHash; }
    String getDisplayName() { return displayName; }
    void setDisplayName(String displayName) { this.displayName = displayName; }
    Long getPersonId() { return personId; }
    void setPersonId(Long personId) { this.personId = personId; }
    Long getScopeOrgUnitId() { return scopeOrgUnitId; }
    void setScopeOrgUnitId(Long scopeOrgUnitId) { this.scopeOrgUnitId = scopeOrgUnitId; }
    boolean isEnabled() { return enabled; }
    void setEnabled(boolean enabled) { this.enabled = enabled; }
    int getFailedAttempts() { return failedAttempts; }
    Instant getLockedUntil() { return lockedUntil; }
    Instant getLastLoginAt() { return lastLoginAt; }
    Instant getCreatedAt() { return createdAt; }
}
