package cn.hongxin.security;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most half as many writing requests run at once as the database pool has connections.
 *
 * <p>A write holds one connection for its own transaction and, while it is open, takes a second one for
 * {@link AuditTrail} (whose entries are written in a transaction of their own so that refusals stay recorded).
 * Without a limit, as many concurrent writers as the pool has connections each hold one and all wait for a
 * second until they time out: every one of them fails. Writers beyond the limit wait here, holding nothing,
 * and get a 503 with {@code Retry-After} only after {@link #WAIT_SECONDS}. Writing requests are those with an
 * unsafe method, and those carrying HTTP Basic credentials (a failed login is recorded the same way).
 * Runs before Spring Security, which records logins.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ConcurrentWriteLimitFilter extends OncePerRequestFilter {

    static final int WAIT_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(ConcurrentWriteLimitFilter.class);

    private final Semaphore permits;

    ConcurrentWriteLimitFilter(Environment environment) {
        int pool = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
        this.permits = new Semaphore(Math.max(1, pool / 2), true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!writes(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            log.warn("Too many concurrent writes; answering 503 to {} {}", request.getMethod(), request.getRequestURI());
            busy(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    static boolean writes(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || "TRACE".equals(method);
        String authorization = request.getHeader("Authorization");
        return !safe || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6));
    }

    private static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"Too many concurrent writes, retry later\"}");
        } else {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    /** For tests: permits free right now. */
    int available() {
        return permits.availablePermits();
    }
}
