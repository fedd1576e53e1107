package cn.hongxin.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Puts the menu, the current path and the language links (the page itself in Chinese and in English) into every
 * page's model.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

    private final Menu menu;

    LayoutAdvice(Menu menu) {
        this.menu = menu;
    }

    @ModelAttribute("menu")
    List<MenuItem> menu() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return List.of();
        }
        Set<String> authorities = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return menu.visibleTo(authorities);
    }

    /** The url of the menu link the page belongs to (highlighted), or null. */
    @ModelAttribute("activeMenuUrl")
    String activeMenuUrl(HttpServletRequest request) {
        return menu.activeUrl(currentPath(request));
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * The page itself in each language, for the layouts' language links: its path and every query parameter but
     * the language one, which is set to zh-CN or en. Only the query string counts (never a posted form's fields);
     * each parameter is decoded and encoded again, so nothing arrives in the link unencoded.
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        return Map.of("zh", languageLink(request.getRequestURI(), request.getQueryString(), "zh-CN"),
                "en", languageLink(request.getRequestURI(), request.getQueryString(), "en"));
    }

    /** The path with its query, the language parameter ({@code lang}) replaced by {@code language}. */
    static String languageLink(String path, String query, String language) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        if (query != null && !query.isEmpty()) {
            UriComponentsBuilder.newInstance().query(query).build().getQueryParams().forEach((name, values) -> {
                String key = decoded(name);
                if (!WebConfiguration.LANGUAGE_PARAMETER.equals(key)) {
                    for (String v : values) {
                        b.queryParam(key, v == null ? new Object[0] : new Object[]{decoded(v)});
                    }
                }
            });
        }
        b.queryParam(WebConfiguration.LANGUAGE_PARAMETER, language);
        return path + "?" + b.build().encode().getQuery();
    }

    /** A query string part decoded; as it came when it is not validly encoded (then encoded as it stands). */
    private static String decoded(String raw) {
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
