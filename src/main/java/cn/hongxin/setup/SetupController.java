package cn.hongxin.setup;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import cn.hongxin.security.PasswordPolicy;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

@Controller
class SetupController {

    private final SetupService setup;
    private final PasswordPolicy policy;
    private final MessageSource messages;

    SetupController(SetupService setup, PasswordPolicy policy, MessageSource messages) {
        this.setup = setup;
        this.policy = policy;
        this.messages = messages;
    }

    @GetMapping("/setup")
    String form(Model model) {
        model.addAttribute("form", SetupForm.empty());
        model.addAttribute("minLength", policy.minLength());
        return "setup/setup";
    }

    @PostMapping("/setup")
    String run(@ModelAttribute SetupForm form, Model model) {
        try {
            SetupService.SetupResult result = setup.run(form);
            model.addAttribute("result", result);
            return "setup/done";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), p.args(), p.messageKey(),
                        LocaleContextHolder.getLocale()));
            }
            model.addAttribute("fieldErrors", errors);
        } catch (UserFacingException e) {
            return "redirect:/login";
        }
        model.addAttribute("form", new SetupForm(form.organisationName(), form.adminUsername(),
                form.adminDisplayName(), "", "", form.loadDemo()));
        model.addAttribute("minLength", policy.minLength());
        return "setup/setup";
    }
}
