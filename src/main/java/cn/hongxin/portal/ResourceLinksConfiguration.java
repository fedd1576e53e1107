package cn.hongxin.portal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Turns off Spring's {@code ResourceUrlEncodingFilter}, which Spring Boot registers because webjars-locator-lite
 * enables the resource chain. That filter passes every link a page renders ({@code @{/signin}}, {@code @{/me/events}},
 * the menu's links …) through the static resource resolvers, since static files are served under the catch-all
 * pattern; for a link that is not a file the lookup fails, is not cached, and searches the class path of every jar
 * in the application each time. Profiling the QR sign-in (docs/benchmarks.md) found it took about 45 % of the CPU of
 * the phone's two page renders. The only thing it did for us was to rewrite the webjar links to versioned URLs;
 * version-agnostic webjar URLs ({@code /webjars/bootstrap/css/bootstrap.min.css}) are still resolved when the
 * browser asks for them (the resource chain's webjars resolver, with its cache).
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinksConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
