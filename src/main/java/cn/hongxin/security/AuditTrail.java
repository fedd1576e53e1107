package cn.hongxin.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tamper-evident audit trail: who, when, from where, what object, outcome. Entries are written in
 * their own transaction (a refused action is recorded even though its own transaction rolls back)
 * and chained by SHA-256, so a deleted or altered row breaks {@link #verify()}.
 */
@Service
public class AuditTrail {

    private final AuditRepository entries;
    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;

    private final PlatformTransactionManager transactions;

    AuditTrail(AuditRepository entries, JdbcClient jdbc, CurrentUsers currentUsers,
               PlatformTransactionManager transactions) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.transactions = transactions;
    }

    /** Records an action of the signed-in account (or "anonymous"). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditAction action, String objectType, Object objectId, AuditOutcome outcome, String detail) {
        Optional<CurrentUser> user = currentUsers.current();
        append(user.map(CurrentUser::username).orElse("anonymous"), user.map(CurrentUser::accountId).orElse(null),
                action, objectType, objectId, outcome, detail);
    }

    /** Records an action on behalf of a named actor (logins, where nobody is signed in yet). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, Long accountId, AuditAction action, String objectType, Object objectId,
                         AuditOutcome outcome, String detail) {
        append(actor, accountId, action, objectType, objectId, outcome, detail);
    }

    private void append(String actor, Long accountId, AuditAction action, String objectType, Object objectId,
                        AuditOutcome outcome, String detail) {
        String prev = jdbc.sql("select last_hash from audit_chain_head where id = 1 for update")
                .query(String.class).single();
        AuditEntry entry = new AuditEntry(Instant.now().truncatedTo(ChronoUnit.MICROS), truncate(actor, 64),
                accountId, RequestOrigin.get(), action.name(), objectType,
                objectId == null ? null : truncate(objectId.toString(), 64), outcome.name(), truncate(detail, 1000),
                prev);
        entries.save(entry);
        jdbc.sql("update audit_chain_head set last_hash = ? where id = 1").param(entry.getHash()).update();
    }

    /** Entries matching the filters (blank = any), newest first; the auditor's only. */
    @Transactional(readOnly = true)
    public Page<AuditEntryView> search(String actor, String action, String objectType, Instant from, Instant to,
                                       int page, int size) {
        currentUsers.require(Permission.AUDIT_READ);
        return entries.search(blank(actor), blank(action), blank(objectType),
                        from == null ? Instant.EPOCH : from, to == null ? FAR_FUTURE : to,
                        PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)))
                .map(AuditEntry::toView);
    }

    /**
     * Walks the whole chain; the id of the first entry whose hash or link does not match, or empty
     * when the trail is intact. The auditor's only; the check itself is recorded.
     */
    public Optional<Long> verify() {
        CurrentUser user = currentUsers.require(Permission.AUDIT_READ);
        TransactionTemplate read = new TransactionTemplate(transactions);
        read.setReadOnly(true);
        Optional<Long> broken = read.execute(status -> firstBrokenEntry());
        TransactionTemplate write = new TransactionTemplate(transactions);
        write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        write.executeWithoutResult(status -> append(user.username(), user.accountId(), AuditAction.VERIFY,
                "audit_entry", broken.orElse(null), broken.isPresent() ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS,
                broken.map(id -> "chain broken at entry " + id).orElse("chain intact")));
        return broken;
    }

    private Optional<Long> firstBrokenEntry() {
        String prev = "0".repeat(64);
        int page = 0;
        while (true) {
            List<AuditEntry> batch = entries.findAll(PageRequest.of(page++, 1000, Sort.by("id"))).getContent();
            if (batch.isEmpty()) {
                return Optional.empty();
            }
            for (AuditEntry e : batch) {
                if (!e.getPrevHash().equals(prev) || !e.getHash().equals(e.computeHash())) {
                    return Optional.of(e.getId());
                }
                prev = e.getHash();
            }
        }
    }

    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
