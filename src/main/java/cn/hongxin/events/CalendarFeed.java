package cn.hongxin.events;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A calendar subscription behind a secret URL; only the secret's SHA-256 is stored. The person or the unit's
 * path is kept with it, so that a calendar app can fetch the feed without signing in.
 */
@Entity
@Table(name = "calendar_feed")
class CalendarFeed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long accountId;
    @Enumerated(EnumType.STRING)
    private CalendarFeedScope scope;
    private Long personId;
    private Long orgUnitId;
    private String orgUnitPath;
    private String tokenHash;
    private Instant createdAt;
    private Instant revokedAt;

    protected CalendarFeed() {
    }

    private CalendarFeed(long accountId, CalendarFeedScope scope, Long personId, Long orgUnitId, String orgUnitPath,
                         String tokenHash) {
        this.accountId = accountId;
        this.scope = scope;
        this.personId = personId;
        this.orgUnitId = orgUnitId;
        this.orgUnitPath = orgUnitPath;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    static CalendarFeed person(long accountId, long personId, String tokenHash) {
        return new CalendarFeed(accountId, CalendarFeedScope.PERSON, personId, null, null, tokenHash);
    }

    static CalendarFeed unit(long accountId, long orgUnitId, String orgUnitPath, String tokenHash) {
        return new CalendarFeed(accountId, CalendarFeedScope.ORG_UNIT, null, orgUnitId, orgUnitPath, tokenHash);
    }

    void revoke() {
        revokedAt = Instant.now();
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    CalendarFeedView toView(String unitName) {
        return new CalendarFeedView(id, scope, orgUnitId, unitName, createdAt, revokedAt);
    }

    Long getId() { return id; }
    Long getAccountId() { return accountId; }
    CalendarFeedScope getScope() { return scope; }
    Long getPersonId() { return personId; }
    Long getOrgUnitId() { return orgUnitId; }
    String getOrgUnitPath() { return orgUnitPath; }
}
