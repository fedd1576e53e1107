package cn.hongxin.portal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * Refusals on pages become friendly error pages in the user's language; never a stack trace.
 * Access outside one's permissions or data scope is audited.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageErrorAdvice {

    private final MessageSource messages;
    private final AuditTrail audit;

    PageErrorAdvice(MessageSource messages, AuditTrail audit) {
        this.messages = messages;
        this.audit = audit;
    }

    /** A malformed id in a path ({@code /org/people/abc}) is a page that does not exist, not a bad request. */
    @ExceptionHandler({NotFoundException.class,
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, jakarta.servlet.http.HttpServletRequest request,
                  HttpServletResponse response) {
        audit.record(AuditAction.ACCESS_DENIED, null, null, AuditOutcome.DENIED,
                request.getMethod() + " " + request.getRequestURI() + ": " + e.getMessage());
        response.setStatus(403);
        return "error/403";
    }

    @ExceptionHandler(UserFacingException.class)
    String refused(UserFacingException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("reason", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                LocaleContextHolder.getLocale()));
        return "error/400";
    }
}
