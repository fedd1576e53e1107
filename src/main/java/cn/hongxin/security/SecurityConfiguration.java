package cn.hongxin.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: {@code /api/v1/**} is stateless (personal access tokens, or HTTP Basic to
 * create one) without CSRF; the pages use form login with a session, CSRF and a 30-minute idle
 * timeout. A Content-Security-Policy of {@code 'self'} keeps every page off external hosts.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    /**
     * No observations of the filter chain, authentications and authorizations: the property
     * {@code management.observations.enable.spring.security=false} only makes them no-ops, while the chain stays
     * wrapped in a decorator that opens one per filter; without observations Spring Security builds the plain chain
     * (docs/benchmarks.md, QR sign-in). The request metrics ({@code http.server.requests}) are not affected.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id: unlike bcrypt it has no 72-byte limit, so long Chinese passphrases count in full.
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /** The token filter runs inside the API chain only, not as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<AccessTokenAuthenticationFilter> tokenFilterRegistration(
            AccessTokenAuthenticationFilter filter) {
        FilterRegistrationBean<AccessTokenAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccessTokenAuthenticationFilter tokenFilter,
                                 ApiAuthenticationEntryPoint entryPoint) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/openapi", "/api/v1/docs/**", "/api/v1/docs",
                                "/api/v1/swagger-ui/**", "/api/v1/swagger-ui.html")
                        .permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterBefore(tokenFilter, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, LoginFailureHandler failureHandler) throws Exception {
        LoginUrlAuthenticationEntryPoint loginEntry = new LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/setup", "/setup/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
                                "/calendar/*.ics", "/site", "/site/**",
                                "/lang")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Permission.ACCOUNT_MANAGE.authority())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(failureHandler)
                        .defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HtmxAwareEntryPoint(loginEntry)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
