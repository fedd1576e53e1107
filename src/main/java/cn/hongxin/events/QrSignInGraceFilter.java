package cn.hongxin.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login grace of QR sign-in (ADR 0006): a phone that opens the scan URL without being signed in is sent to the
 * login page, and a slow login (WeChat, a forgotten password) can outlast the token's minute. Before Spring Security
 * redirects such a scan, this filter notes in the session the token it carried, if the token was valid at that
 * moment. After the login the same session (its id changes, its attributes stay) may use that very token for
 * {@link SignInTokens#loginGrace()} longer. A forged token is never noted; a token seen only after it expired is
 * never noted; a signed-in phone gets no grace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class QrSignInGraceFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = QrSignInGraceFilter.class.getName() + ".tokens";
    /** Tokens remembered per session; a phone scanning more codes before it logs in keeps the latest ones. */
    private static final int KEEP = 4;

    private final SignInTokens tokens;

    QrSignInGraceFilter(SignInTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/signin");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getParameter("t");
        if (token != null && !signedIn(request) && tokens.validNow(token)) {
            note(request.getSession(true), token);
        }
        chain.doFilter(request, response);
    }

    /** Whether this session noted {@code token} while it was valid, before its login. */
    static boolean notedBeforeLogin(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(false);
        if (session == null || token == null) {
            return false;
        }
        return session.getAttribute(ATTRIBUTE) instanceof List<?> noted && noted.contains(token.strip());
    }

    private static void note(HttpSession session, String token) {
        synchronized (QrSignInGraceFilter.class) {
            List<String> noted = new ArrayList<>();
            if (session.getAttribute(ATTRIBUTE) instanceof List<?> before) {
                before.forEach(t -> noted.add((String) t));
            }
            String t = token.strip();
            noted.remove(t);
            noted.add(t);
            while (noted.size() > KEEP) {
                noted.remove(0);
            }
            session.setAttribute(ATTRIBUTE, noted);
        }
    }

    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context)) {
            return false;
        }
        Authentication auth = context.getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
