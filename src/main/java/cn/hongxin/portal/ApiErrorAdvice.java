package cn.hongxin.portal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * API errors as RFC 9457 ProblemDetails, with the message in the caller's language (Accept-Language,
 * Chinese by default). Field problems come as {@code errors: [{field, message}]}; nothing is ever answered
 * with a stack trace.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    private final MessageSource messages;
    private final AuditTrail audit;

    ApiErrorAdvice(MessageSource messages, AuditTrail audit) {
        this.messages = messages;
        this.audit = audit;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text("error.404.text"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, jakarta.servlet.http.HttpServletRequest request) {
        audit.record(AuditAction.ACCESS_DENIED, null, null, AuditOutcome.DENIED,
                request.getMethod() + " " + request.getRequestURI() + ": " + e.getMessage());
        return problem(HttpStatus.FORBIDDEN, text("error.403.text"));
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    ProblemDetail unauthenticated(org.springframework.security.core.AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, text("api.unauthorized"));
    }

    @ExceptionHandler(UserFacingException.class)
    ProblemDetail refused(UserFacingException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        p.setProperty("code", e.messageKey());
        return p;
    }

    /** Field-by-field refusal: {@code errors} lists {field, message}; nothing was saved. */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, text("error.validation"));
        p.setProperty("errors", e.problems().stream()
                .map(f -> Map.of("field", f.field(), "message", messages.getMessage(f.messageKey(), f.args(),
                        text("api.field.invalid"), LocaleContextHolder.getLocale()), "code", f.messageKey()))
                .toList());
        return p;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, text("error.validation"));
        p.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message",
                        messages.getMessage(f, LocaleContextHolder.getLocale())))
                .toList());
        return p;
    }

    /** Unreadable JSON, or a value of the wrong type (an unknown enum constant, a malformed date). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, text("api.body.invalid"));
        String field = fieldOf(e);
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field, "message", text("api.field.invalid"))));
        }
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, text("api.param.invalid", e.getName()));
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", text("api.field.invalid"))));
        return p;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, text("api.param.invalid", e.getParameterName()));
        p.setProperty("errors", List.of(Map.of("field", e.getParameterName(), "message",
                text("validation.required"))));
        return p;
    }

    /** Two writers raced (the same staff number from two clients at once, or an edit over an edit). */
    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ProblemDetail conflict(RuntimeException e) {
        log.info("API write conflict: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, text("api.conflict"));
    }

    /** Spring's own errors keep their status; anything else is a 500 without details. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        if (e instanceof ErrorResponse response) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .body(response.updateAndGetBody(messages, LocaleContextHolder.getLocale()));
        }
        log.error("API request failed", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                text("error.500.text")));
    }

    private static String fieldOf(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof tools.jackson.core.JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (tools.jackson.core.JacksonException.Reference r : j.getPath()) {
                if (r.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
