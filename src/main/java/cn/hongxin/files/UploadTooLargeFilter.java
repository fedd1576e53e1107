package cn.hongxin.files;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload larger than the multipart limit is refused while the request is parsed, before any controller
 * runs: by the servlet container as soon as anything reads a parameter (the CSRF check does, for the
 * token), or by Spring's multipart resolver. Instead of the container's bare error page, a page form goes
 * back where it came from (the Referer, when it is a path of this application) with the size limit in the
 * user's language, the same message the file store gives; the API answers a 413 ProblemDetail.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadTooLargeFilter extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final FileStore store;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    UploadTooLargeFilter(MessageSource messages, LocaleResolver locales, FileStore store) {
        this.messages = messages;
        this.locales = locales;
        this.store = store;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            answer(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** Tomcat's size-limit exceptions, however wrapped, or Spring's. */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException
                    || t.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    /** Writes the refusal: back to the form's page with a flash message, or a 413 ProblemDetail for the API. */
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String text = messages.getMessage("file.tooLarge",
                new Object[] {Math.max(1, store.maxBytes() / (1024 * 1024))}, locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                    + "\"detail\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return;
        }
        String back = request.getContextPath() + backTo(request);
        FlashMap flash = new FlashMap();
        flash.put("formError", text);
        flash.setTargetRequestPath(back.contains("?") ? back.substring(0, back.indexOf('?')) : back);
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", back);
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
