package cn.hongxin.security;

import java.util.EnumSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
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

import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * 安全管理 for the security admin: lockouts, password resets (a generated password shown once), the
 * security officers' accounts (安全管理员, 安全审计员), and the password and lockout policy in force.
 */
@Controller
@RequestMapping("/system/security")
@PreAuthorize("hasAuthority('sys:security:manage')")
class SecurityAdminController {

    /** What the policy card shows. */
    record PolicyView(int minLength, int lockoutThreshold, int lockoutMinutes, long sessionTimeoutMinutes) {
    }

    private static final int PAGE_SIZE = 20;

    private final AccountService accounts;
    private final CurrentUsers currentUsers;
    private final SecurityProperties properties;
    private final PageSupport pages;
    private final java.time.Duration sessionTimeout;

    SecurityAdminController(AccountService accounts, CurrentUsers currentUsers, SecurityProperties properties,
                            PageSupport pages,
                            @Value("${server.servlet.session.timeout:30m}") java.time.Duration sessionTimeout) {
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.properties = properties;
        this.pages = pages;
        this.sessionTimeout = sessionTimeout;
    }

    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return PageSupport.ZONE;
    }

    @GetMapping
    String page(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<AccountView> found = accounts.search(q, page, PAGE_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("baseUrl", PageSupport.listUrl("/system/security", "q", q));
        model.addAttribute("me", currentUsers.require().accountId());
        model.addAttribute("policy", new PolicyView(properties.passwordMinLength(), properties.lockoutThreshold(),
                properties.lockoutMinutes(), sessionTimeout.toMinutes()));
        model.addAttribute("officerRoles", AccountService.SECURITY_ROLES);
        if (!model.containsAttribute("officer")) {
            model.addAttribute("officer", new OfficerForm("", "", Role.AUDITOR));
        }
        return "security/security";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        AccountView account = load(id);
        accounts.unlock(id);
        redirect.addFlashAttribute("flashSuccess", pages.text("security.unlocked", account.username()));
        return "redirect:/system/security";
    }

    @PostMapping("/{id}/reset-password")
    String reset(@PathVariable long id, RedirectAttributes redirect) {
        AccountView account = load(id);
        try {
            String password = accounts.resetPassword(id);
            redirect.addFlashAttribute("issuedUsername", account.username());
            redirect.addFlashAttribute("issuedPassword", password);
            redirect.addFlashAttribute("flashSuccess", pages.text("security.reset.done", account.username()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", pages.text(e));
        }
        return "redirect:/system/security";
    }

    /** Appoints a security admin or auditor; the generated password is shown once. */
    @PostMapping("/officers")
    String appoint(@ModelAttribute OfficerForm officer, RedirectAttributes redirect) {
        try {
            if (officer.role() == null || !AccountService.SECURITY_ROLES.contains(officer.role())) {
                throw new UserFacingException("account.roles.required");
            }
            AccountService.OpenedAccount opened = accounts.open(new NewAccount(officer.username(), null,
                    officer.displayName(), EnumSet.of(officer.role()), null, null));
            redirect.addFlashAttribute("issuedUsername", opened.account().username());
            redirect.addFlashAttribute("issuedPassword", opened.initialPassword());
            redirect.addFlashAttribute("flashSuccess", pages.text("account.created", opened.account().username()));
            return "redirect:/system/security?q=" + opened.account().username();
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", pages.text(e));
            redirect.addFlashAttribute("officer", officer);
            redirect.addFlashAttribute("officerOpen", true);
            return "redirect:/system/security";
        }
    }

    /** Enables or disables a security officer's account (ordinary accounts are the system admin's). */
    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean value, RedirectAttributes redirect) {
        AccountView account = load(id);
        try {
            accounts.update(id, account.displayName(), account.roles(), account.scopeOrgUnitId(), value);
            redirect.addFlashAttribute("flashSuccess", pages.text(value ? "security.enabled" : "security.disabled",
                    account.username()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", pages.text(e));
        }
        return "redirect:/system/security";
    }

    private AccountView load(long id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    /** The form appointing a security officer. */
    record OfficerForm(String username, String displayName, Role role) implements java.io.Serializable {
    }
}
