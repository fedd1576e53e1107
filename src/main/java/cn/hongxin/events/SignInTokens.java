package cn.hongxin.events;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.hongxin.shared.UserFacingException;

/**
 * Short-lived, signed sign-in tokens for the projector's QR code: {@code eventId.issuedAt.nonce.signature}
 * (issuedAt in epoch seconds, nonce and HMAC-SHA256 signature in URL-safe Base64 without padding). Nothing is
 * stored: a token is valid while its signature checks and it is younger than {@code hongxin.signin.token-seconds}.
 * The key comes from {@code hongxin.signin.key} (Base64 of 32 bytes) or is generated once into
 * {@code <data-dir>/keys/signin.key}, as the field-encryption keys are.
 */
@Component
class SignInTokens {

    /** Tolerated clock difference for a token "from the future" (several application nodes). */
    private static final long SKEW_SECONDS = 5;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Duration validity;
    private final Duration loginGrace;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Autowired
    SignInTokens(@Value("${hongxin.signin.key:}") String configuredKey,
                 @Value("${hongxin.signin.token-seconds:60}") long seconds,
                 @Value("${hongxin.signin.login-grace-seconds:300}") long graceSeconds,
                 @Value("${hongxin.data-dir}") String dataDir) {
        this(cn.hongxin.security.SecretKeys.resolve(configuredKey, "hongxin.signin.key",
                Path.of(dataDir, "keys", "signin.key")), Duration.ofSeconds(seconds),
                Duration.ofSeconds(graceSeconds), Clock.systemUTC());
    }

    SignInTokens(byte[] key, Duration validity, Clock clock) {
        this(key, validity, Duration.ofMinutes(5), clock);
    }

    SignInTokens(byte[] key, Duration validity, Duration loginGrace, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.validity = validity;
        this.loginGrace = loginGrace;
        this.clock = clock;
    }

    Duration validity() {
        return validity;
    }

    /** How much longer than {@link #validity()} a token noted before a login stays usable (ADR 0006). */
    Duration loginGrace() {
        return loginGrace;
    }

    String issue(long eventId) {
        return issue(eventId, clock.instant());
    }

    /** A token as if issued at {@code issuedAt} (tests use an old one to see it refused). */
    String issue(long eventId, Instant issuedAt) {
        byte[] nonce = new byte[9];
        random.nextBytes(nonce);
        String payload = eventId + "." + issuedAt.getEpochSecond() + "." + B64.encodeToString(nonce);
        return payload + "." + B64.encodeToString(sign(payload));
    }

    /**
     * The event a token signs people in to; refuses a malformed or forged token, an expired one, and one
     * for another event than {@code expectedEventId} (when given).
     */
    long verify(String token, Long expectedEventId) {
        return verify(token, expectedEventId, false);
    }

    /** Whether the token is genuine and unexpired right now (no grace). */
    boolean validNow(String token) {
        try {
            verify(token, null, false);
            return true;
        } catch (UserFacingException e) {
            return false;
        }
    }

    /**
     * As {@link #verify(String, Long)}; with {@code afterLogin} (the session noted this token while it was valid,
     * before being sent to log in) an expired token is still accepted until issue time + validity + login grace.
     * The signature is always checked.
     */
    long verify(String token, Long expectedEventId, boolean afterLogin) {
        if (token == null || token.length() > 200) {
            throw new UserFacingException("event.qr.token.invalid");
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 4) {
            throw new UserFacingException("event.qr.token.invalid");
        }
        long eventId;
        long issuedAt;
        byte[] signature;
        try {
            eventId = Long.parseLong(parts[0]);
            issuedAt = Long.parseLong(parts[1]);
            signature = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("event.qr.token.invalid");
        }
        byte[] expected = sign(parts[0] + "." + parts[1] + "." + parts[2]);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new UserFacingException("event.qr.token.invalid");
        }
        long now = clock.instant().getEpochSecond();
        long accepted = validity.toSeconds() + (afterLogin ? loginGrace.toSeconds() : 0);
        if (issuedAt > now + SKEW_SECONDS || now - issuedAt > accepted) {
            throw new UserFacingException("event.qr.token.expired");
        }
        if (expectedEventId != null && expectedEventId != eventId) {
            throw new UserFacingException("event.qr.token.otherEvent");
        }
        return eventId;
    }

    private byte[] sign(String payload) {
        Mac mac = macs.get();
        mac.reset();
        return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    }

    /** A Mac keyed once per thread: looking the algorithm up and keying it cost more than signing a token. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
