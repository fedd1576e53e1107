package cn.hongxin.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller's personal access tokens. A token is created with the account's password (HTTP Basic), never
 * with another token, so a leaked token cannot keep itself alive; listing and revoking work with either.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Personal access tokens of the calling account")
class TokenApiController {

    /** The body of a new token; {@code validDays} 1–3650, or null for a token that never expires. */
    record NewToken(String name, Integer validDays) {
    }

    /** A token just created; {@code secret} is shown this once and never again. */
    record CreatedToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, String secret) {
    }

    /** A token as listed. {@code status} is ACTIVE, EXPIRED or REVOKED. */
    record TokenJson(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                     Instant revokedAt, String status) {

        static TokenJson of(AccessTokenView t) {
            return new TokenJson(t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                    t.revokedAt(), t.revokedAt() != null ? "REVOKED" : t.active() ? "ACTIVE" : "EXPIRED");
        }
    }

    private final AccessTokenService tokens;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final AuditTrail audit;

    TokenApiController(AccessTokenService tokens, CurrentUsers currentUsers, MessageSource messages,
                       AuditTrail audit) {
        this.tokens = tokens;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Create a token (authenticate with HTTP Basic); the secret is returned once",
            security = @SecurityRequirement(name = "basic"))
    ResponseEntity<?> create(@RequestBody NewToken body, Authentication authentication) {
        if (authentication instanceof AccessTokenAuthentication) {
            audit.record(AuditAction.TOKEN_CREATE, "access_token", null, AuditOutcome.DENIED,
                    "a token may not create tokens");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.getMessage(
                    "token.basicOnly", null, "token.basicOnly", LocaleContextHolder.getLocale()));
            problem.setProperty("code", "token.basicOnly");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        AccessTokenService.IssuedToken issued = tokens.issue(currentUsers.require().accountId(), body.name(),
                body.validDays());
        AccessTokenView t = issued.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.id()))
                .body(new CreatedToken(t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt(), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "The caller's tokens, newest first (never the secrets)")
    List<TokenJson> list() {
        return tokens.list(currentUsers.require().accountId()).stream().map(TokenJson::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the caller's tokens")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(currentUsers.require().accountId(), id);
        return ResponseEntity.noContent().build();
    }
}
