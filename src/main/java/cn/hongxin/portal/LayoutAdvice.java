package cn.hongxin.portal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the menu and the current path into every page's model. */
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
}
