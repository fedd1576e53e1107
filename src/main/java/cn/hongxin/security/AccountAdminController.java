package cn.hongxin.security;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
 * 账号管理 for the system admin: ordinary accounts, their roles, data scope and status. Security admins and
 * auditors are appointed on the security page (see {@link AccountService} for the separation rules).
 */
@Controller
@RequestMapping("/system/accounts")
@PreAuthorize("hasAuthority('sys:account:manage')")
class AccountAdminController {

    /** A role checkbox, and whether the signed-in system admin may tick it. */
    record RoleOption(Role role, boolean allowed) {
    }

    private static final int PAGE_SIZE = 20;

    private final AccountService accounts;
    private final CurrentUsers currentUsers;
    private final org.springframework.beans.factory.ObjectProvider<ScopeUnits> scopeUnits;
    private final PageSupport pages;
    private final PasswordPolicy policy;

    AccountAdminController(AccountService accounts, CurrentUsers currentUsers,
                           org.springframework.beans.factory.ObjectProvider<ScopeUnits> scopeUnits,
                           PageSupport pages, PasswordPolicy policy) {
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.scopeUnits = scopeUnits;
        this.pages = pages;
        this.policy = policy;
    }

    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return PageSupport.ZONE;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<AccountView> found = accounts.search(q, page, PAGE_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("baseUrl", PageSupport.listUrl("/system/accounts", "q", q));
        model.addAttribute("scopeNames", scopeNames(found.getContent()));
        model.addAttribute("me", currentUsers.require().accountId());
        return "security/accounts";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, AccountForm.empty(), null);
    }

    @PostMapping
    String create(@ModelAttribute AccountForm form, Model model, RedirectAttributes redirect) {
        try {
            AccountService.OpenedAccount opened = accounts.open(new NewAccount(form.username(), form.password(),
                    form.displayName(), form.roles(), form.scopeOrgUnitId(), null));
            redirect.addFlashAttribute("flashSuccess", pages.text("account.created", opened.account().username()));
            if (opened.initialPassword() != null) {
                redirect.addFlashAttribute("issuedUsername", opened.account().username());
                redirect.addFlashAttribute("issuedPassword", opened.initialPassword());
            }
            return "redirect:/system/accounts?q=" + opened.account().username();
        } catch (UserFacingException e) {
            model.addAttribute("formError", pages.text(e));
            return form(model, withoutPassword(form), null);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        AccountView account = accounts.find(id).orElseThrow(() -> new NotFoundException("account", id));
        return form(model, AccountForm.of(account), account);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute AccountForm form, Model model, RedirectAttributes redirect) {
        AccountView account = accounts.find(id).orElseThrow(() -> new NotFoundException("account", id));
        try {
            AccountView saved = accounts.update(id, form.displayName(), form.roles(), form.scopeOrgUnitId(),
                    Boolean.TRUE.equals(form.enabled()));
            redirect.addFlashAttribute("flashSuccess", pages.text("account.updated", saved.username()));
            return "redirect:/system/accounts";
        } catch (UserFacingException e) {
            model.addAttribute("formError", pages.text(e));
            return form(model, new AccountForm(account.username(), form.displayName(), form.roles(),
                    form.scopeOrgUnitId(), form.enabled(), ""), account);
        }
    }

    private String form(Model model, AccountForm form, AccountView account) {
        CurrentUser me = currentUsers.require();
        boolean securityAccount = account != null && account.roles().stream()
                .anyMatch(AccountService.SECURITY_ROLES::contains);
        List<RoleOption> roles = Arrays.stream(Role.values())
                .map(r -> new RoleOption(r, !AccountService.SECURITY_ROLES.contains(r)
                        || (account == null && !accounts.anyEnabledWith(r))))
                .toList();
        model.addAttribute("form", form);
        model.addAttribute("account", account);
        model.addAttribute("editing", account != null);
        model.addAttribute("readOnly", securityAccount);
        model.addAttribute("self", account != null && account.id() == me.accountId());
        model.addAttribute("roleOptions", roles);
        model.addAttribute("scopeChoices", scopeUnits.getIfAvailable() == null ? List.of()
                : scopeUnits.getObject().assignable());
        model.addAttribute("wholeOrganisationAllowed", me.unrestricted());
        model.addAttribute("minLength", policy.minLength());
        return "security/account-form";
    }

    private java.util.Map<Long, String> scopeNames(List<AccountView> shown) {
        ScopeUnits units = scopeUnits.getIfAvailable();
        List<Long> ids = shown.stream().map(AccountView::scopeOrgUnitId).filter(Objects::nonNull).distinct().toList();
        return units == null || ids.isEmpty() ? java.util.Map.of() : units.names(ids);
    }

    private static AccountForm withoutPassword(AccountForm f) {
        return new AccountForm(f.username(), f.displayName(), f.roles(), f.scopeOrgUnitId(), f.enabled(), "");
    }
}
