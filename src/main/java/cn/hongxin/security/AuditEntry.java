package cn.hongxin.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String actor;
    private Long actorAccountId;
    private String remoteAddr;
    private String action;
    private String objectType;
    private String objectId;
    private String outcome;
    private String detail;
    private String prevHash;
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, Long actorAccountId, String remoteAddr, String action,
               String objectType, String objectId, String outcome, String detail, String prevHash) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorAccountId = actorAccountId;
        this.remoteAddr = remoteAddr;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.outcome = outcome;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** SHA-256 over the previous hash and every field but the id. */
    String computeHash() {
        String content = String.join("|", prevHash, String.valueOf(occurredAt.toEpochMilli() * 1000
                        + occurredAt.getNano() / 1000 % 1000), actor, String.valueOf(actorAccountId),
                String.valueOf(remoteAddr), action, String.valueOf(objectType), String.valueOf(objectId), outcome,
                String.valueOf(detail));
        return Hashes.sha256Hex(content);
    }

    AuditEntryView toView() {
        return new AuditEntryView(id, occurredAt, actor, remoteAddr, action, objectType, objectId, outcome, detail);
    }

    Long getId() { return id; }
    String getPrevHash() { return prevHash; }
    String getHash() { return hash; }
}
