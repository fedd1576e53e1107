package cn.hongxin.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 as a ProblemDetail in the caller's language (Accept-Language, Chinese by default), without the
 * browser's Basic dialog.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final MessageSource messages;

    ApiAuthenticationEntryPoint(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = messages.getMessage("api.unauthorized", null,
                "A personal access token (Authorization: Bearer ...) is required", locale(request));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
    }

    /** English when the caller asks for it, else Chinese. */
    static Locale locale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header != null && request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
