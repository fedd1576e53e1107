package cn.hongxin.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * 日历订阅: iCalendar feeds behind secret URLs, for phone calendar apps that cannot sign in. A personal
 * feed lists the events its owner is invited to; an org-unit feed (for {@code event:view} holders, units
 * in their scope) the events organised in the unit's subtree. The secret is shown once; only its SHA-256
 * is stored. Creating and revoking are audited.
 */
@Service
public class CalendarFeedService {

    /** A new feed and its secret, shown to its owner once. */
    public record IssuedFeed(CalendarFeedView feed, String secret) {
    }

    /** The window a feed covers, around today. */
    static final Duration PAST = Duration.ofDays(90);
    static final Duration AHEAD = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final EventService events;
    private final OrgUnitService units;
    private final EventScope scope;
    private final AuditTrail audit;
    private final AccountService accounts;

    CalendarFeedService(CalendarFeedRepository feeds, EventService events, OrgUnitService units, EventScope scope,
                        AuditTrail audit, AccountService accounts) {
        this.accounts = accounts;
        this.feeds = feeds;
        this.events = events;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
    }

    /** A feed of the signed-in person's own events; refused for an account not linked to a person. */
    @Transactional
    public IssuedFeed createPersonal() {
        CurrentUser user = scope.user();
        if (user.personId() == null) {
            throw new UserFacingException("calendarFeed.refused.noPerson");
        }
        String secret = newSecret();
        CalendarFeed feed = feeds.save(CalendarFeed.person(user.accountId(), user.personId(), sha256Hex(secret)));
        audit.record(AuditAction.TOKEN_CREATE, "calendar_feed", feed.getId(), AuditOutcome.SUCCESS, "PERSON");
        return new IssuedFeed(feed.toView(null), secret);
    }

    /** A feed of the events organised in a unit's subtree; the unit must lie in the caller's event scope. */
    @Transactional
    public IssuedFeed createForUnit(long unitId) {
        CurrentUser user = scope.require(Permission.EVENT_VIEW);
        OrgUnitView unit = units.visibleFor(Permission.EVENT_VIEW).stream().filter(u -> u.id() == unitId)
                .findFirst().orElseThrow(() -> new NotFoundException("org unit", unitId));
        String secret = newSecret();
        CalendarFeed feed = feeds.save(CalendarFeed.unit(user.accountId(), unit.id(), unit.path(), sha256Hex(secret)));
        audit.record(AuditAction.TOKEN_CREATE, "calendar_feed", feed.getId(), AuditOutcome.SUCCESS,
                "ORG_UNIT " + unit.id() + " " + unit.name());
        return new IssuedFeed(feed.toView(unit.name()), secret);
    }

    /** The signed-in account's feeds, newest first. */
    @Transactional(readOnly = true)
    public List<CalendarFeedView> mine() {
        CurrentUser user = scope.user();
        return feeds.findByAccountIdOrderByCreatedAtDescIdDesc(user.accountId()).stream()
                .map(f -> f.toView(f.getOrgUnitId() == null ? null
                        : units.find(f.getOrgUnitId()).map(OrgUnitView::name).orElse("#" + f.getOrgUnitId())))
                .toList();
    }

    /** Revokes one of the signed-in account's own feeds; another account's feed is "not found". */
    @Transactional
    public void revoke(long id) {
        CurrentUser user = scope.user();
        CalendarFeed feed = feeds.findById(id).filter(f -> f.getAccountId() == user.accountId())
                .orElseThrow(() -> new NotFoundException("calendar feed", id));
        if (feed.isRevoked()) {
            return;
        }
        feed.revoke();
        audit.record(AuditAction.TOKEN_REVOKE, "calendar_feed", id, AuditOutcome.SUCCESS, feed.getScope().name());
    }

    /**
     * The events of the feed a secret stands for, over the window around {@code now}; empty for an unknown
     * or revoked secret, and while the feed's account is disabled or locked (the feed works again when the
     * account is enabled or unlocked). Nobody is signed in: the secret is the authorisation.
     */
    @Transactional(readOnly = true)
    Optional<List<EventView>> eventsFor(String secret, Instant now) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        Instant from = now.minus(PAST);
        Instant to = now.plus(AHEAD);
        return feeds.findByTokenHash(sha256Hex(secret)).filter(f -> !f.isRevoked())
                .filter(f -> accounts.isActive(f.getAccountId()))
                .map(f -> f.getScope() == CalendarFeedScope.PERSON
                        ? events.invitedEvents(f.getPersonId(), from, to)
                        : events.organisedEvents(f.getOrgUnitPath(), from, to));
    }

    private static String newSecret() {
        byte[] raw = new byte[30];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String sha256Hex(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
