package cn.hongxin.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.shared.UserFacingException;

/** 访问令牌: one's own personal access tokens for scripts; a new token's secret is shown once. */
@Controller
@RequestMapping("/me/tokens")
@PreAuthorize("hasAuthority('sys:token:use')")
class TokenController {

    static final int DEFAULT_DAYS = 90;

    private final AccessTokenService tokens;
    private final CurrentUsers currentUsers;
    private final PageSupport pages;

    TokenController(AccessTokenService tokens, CurrentUsers currentUsers, PageSupport pages) {
        this.tokens = tokens;
        this.currentUsers = currentUsers;
        this.pages = pages;
    }

    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return PageSupport.ZONE;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.list(currentUsers.require().accountId()));
        if (!model.containsAttribute("tokenName")) {
            model.addAttribute("tokenName", "");
            model.addAttribute("validDays", String.valueOf(DEFAULT_DAYS));
        }
        model.addAttribute("now", java.time.Instant.now());
        return "security/tokens";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String validDays,
                  RedirectAttributes redirect) {
        try {
            Integer days = null;
            if (!validDays.isBlank()) {
                try {
                    days = Integer.valueOf(validDays.strip());
                } catch (NumberFormatException e) {
                    throw new UserFacingException("token.days.invalid");
                }
            }
            AccessTokenService.IssuedToken issued = tokens.issue(currentUsers.require().accountId(), name, days);
            redirect.addFlashAttribute("issuedSecret", issued.secret());
            redirect.addFlashAttribute("flashSuccess", pages.text("token.created", issued.token().name()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", pages.text(e));
            redirect.addFlashAttribute("tokenName", name);
            redirect.addFlashAttribute("validDays", validDays);
        }
        return "redirect:/me/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(currentUsers.require().accountId(), id);
        redirect.addFlashAttribute("flashSuccess", pages.text("token.revoked"));
        return "redirect:/me/tokens";
    }
}
