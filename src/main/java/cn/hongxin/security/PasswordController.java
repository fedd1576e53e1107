package cn.hongxin.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.shared.UserFacingException;

/** 修改密码: every signed-in account changes its own password with the current one. */
@Controller
@RequestMapping("/me/password")
class PasswordController {

    private final AccountService accounts;
    private final CurrentUsers currentUsers;
    private final PasswordPolicy policy;
    private final PageSupport pages;

    PasswordController(AccountService accounts, CurrentUsers currentUsers, PasswordPolicy policy, PageSupport pages) {
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.policy = policy;
        this.pages = pages;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("minLength", policy.minLength());
        model.addAttribute("user", currentUsers.require());
        return "security/password";
    }

    @PostMapping
    String change(@RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String repeatPassword, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        java.util.Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
        if (currentPassword.isEmpty()) {
            fieldErrors.put("currentPassword", pages.text("validation.required"));
        }
        if (!newPassword.equals(repeatPassword)) {
            fieldErrors.put("repeatPassword", pages.text("password.repeat.mismatch"));
        }
        if (fieldErrors.isEmpty()) {
            try {
                accounts.changeOwnPassword(user.accountId(), currentPassword, newPassword);
                redirect.addFlashAttribute("flashSuccess", pages.text("password.changed"));
                return "redirect:/me/password";
            } catch (UserFacingException e) {
                String field = e.messageKey().equals("password.current.wrong") ? "currentPassword" : "newPassword";
                fieldErrors.put(field, pages.text(e));
            }
        }
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", pages.text("password.notChanged"));
        return form(model);
    }
}
