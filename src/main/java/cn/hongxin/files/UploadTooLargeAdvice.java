package cn.hongxin.files;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload larger than the multipart limit never reaches a controller: Spring refuses it while parsing the
 * request. Instead of the servlet container's bare 413, a page form goes back where it came from with the
 * size limit in the user's language (the same message the file store gives), and the API answers a 413
 * ProblemDetail.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeAdvice {

    private final MessageSource messages;
    private final FileStore store;

    UploadTooLargeAdvice(MessageSource messages, FileStore store) {
        this.messages = messages;
        this.store = store;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(HttpServletRequest request, HttpServletResponse response) {
        String text = messages.getMessage("file.tooLarge", new Object[] {Math.max(1, store.maxBytes() / (1024 * 1024))},
                LocaleContextHolder.getLocale());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, text);
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
        }
        String back = request.getContextPath() + backTo(request);
        RequestContextUtils.getOutputFlashMap(request).put("formError", text);
        RequestContextUtils.saveOutputFlashMap(back, request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back)).build();
    }

    /** The page the form was on, when the Referer is a path of this application; else the home page. */
    static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.isBlank()) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return "/";
            }
            String path = uri.getRawPath();
            String contextPath = request.getContextPath();
            if (path == null || !path.startsWith(contextPath + "/") || path.startsWith(contextPath + "//")) {
                return "/";
            }
            path = path.substring(contextPath.length());
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
