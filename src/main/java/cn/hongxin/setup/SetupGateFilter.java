package cn.hongxin.setup;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Until setup has run, every page leads to the setup page; after it, the setup page is gone. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SetupGateFilter extends OncePerRequestFilter {

    private final SetupService setup;

    SetupGateFilter(SetupService setup) {
        this.setup = setup;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean asset = path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.startsWith("/actuator/health") || path.equals("/error")
                || path.equals("/favicon.ico");
        if (!asset) {
            boolean needed = setup.needed();
            boolean setupPage = path.equals("/setup") || path.startsWith("/setup/");
            if (needed && !setupPage) {
                if (path.startsWith("/api/")) {
                    response.sendError(503, "setup required");
                } else {
                    response.sendRedirect(request.getContextPath() + "/setup");
                }
                return;
            }
            if (!needed && path.equals("/setup") && "GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
