package cn.hongxin.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.context.LazyContextVariable;

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

    /**
     * The layout's model attributes: menu, activeMenuUrl, currentPath and languageLinks. One method for all, each
     * a lazy variable that Thymeleaf computes when a template reads it: a request whose controller answers without
     * the layout (a cached phone page, a redirect, a file) pays for none of them.
     */
    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        String query = request.getQueryString();
        model.addAttribute("menu", new LazyContextVariable<List<MenuItem>>() {
            @Override
            protected List<MenuItem> loadValue() {
                return menu();
            }
        });
        model.addAttribute("currentPath", path);
        model.addAttribute("activeMenuUrl", new LazyContextVariable<String>() {
            @Override
            protected String loadValue() {
                return menu.activeUrl(path);
            }
        });
        model.addAttribute("languageLinks", new LazyContextVariable<Map<String, String>>() {
            @Override
            protected Map<String, String> loadValue() {
                return Map.of("zh", languageLink(uri, query, "zh-CN"), "en", languageLink(uri, query, "en"));
            }
        });
    }

    private List<MenuItem> menu() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return List.of();
        }
        Set<String> authorities = new java.util.HashSet<>();
        for (GrantedAuthority authority : auth.getAuthorities()) {
            authorities.add(authority.getAuthority());
        }
        return menu.visibleTo(authorities);
    }

    /**
     * The page itself in each language, for the layouts' language links: its path and every query parameter but
     * the language one, which is set to zh-CN or en. Only the query string counts (never a posted form's fields);
     * each parameter is decoded and encoded again, so nothing arrives in the link unencoded: the path with its
     * query, the language parameter ({@code lang}) replaced by {@code language}.
     */
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
