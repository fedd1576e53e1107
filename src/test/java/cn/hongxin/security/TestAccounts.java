package cn.hongxin.security;

import java.util.Set;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test accounts with real principals (as after a login), all with the password {@link #PASSWORD}.
 */
@Component
public class TestAccounts {

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "Test-Passw0rd!";

    private final AccountRepository accounts;
    private final AccountService service;
    private final org.springframework.security.crypto.password.PasswordEncoder encoder;
    private String encodedPassword;

    TestAccounts(AccountRepository accounts, AccountService service,
                 org.springframework.security.crypto.password.PasswordEncoder encoder) {
        this.accounts = accounts;
        this.service = service;
        this.encoder = encoder;
    }

    /** Creates an account with the given roles and scope; username is unique per call. */
    @Transactional
    public String create(String prefix, Set<Role> roles, Long scopeOrgUnitId) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.save(new Account(username, encoded(), username, roles, scopeOrgUnitId, null));
        return username;
    }

    private synchronized String encoded() {
        if (encodedPassword == null) {
            encodedPassword = encoder.encode(PASSWORD);
        }
        return encodedPassword;
    }

    /** MockMvc: act as this account (a real {@code AccountPrincipal}, as after login). */
    public RequestPostProcessor as(String username) {
        Account a = accounts.findByUsernameIgnoreCase(username).orElseThrow();
        AccountPrincipal p = AccountPrincipal.of(a, false);
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    /** Service tests: run {@code work} as this account. */
    public <T> T runAs(String username, java.util.function.Supplier<T> work) {
        return service.runAs(username, work);
    }

    public void runAs(String username, Runnable work) {
        service.runAs(username, () -> {
            work.run();
            return null;
        });
    }

    public static void clear() {
        SecurityContextHolder.clearContext();
    }
}
