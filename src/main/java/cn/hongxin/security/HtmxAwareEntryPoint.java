package cn.hongxin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A session that timed out answers an htmx request with {@code HX-Redirect} to the login page, which
 * htmx follows with a full page load, instead of swapping the login page into a fragment.
 */
final class HtmxAwareEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint delegate;

    HtmxAwareEntryPoint(AuthenticationEntryPoint delegate) {
        this.delegate = delegate;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        delegate.commence(request, response, e);
    }
}
