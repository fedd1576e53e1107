package cn.hongxin.security;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntryView(long id, Instant occurredAt, String actor, String remoteAddr, String action,
                             String objectType, String objectId, String outcome, String detail) {
}
