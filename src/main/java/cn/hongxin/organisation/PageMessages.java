package cn.hongxin.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.UserFacingException;

/**
 * What the organisation pages show of a refusal, in the user's language: a field → message map for
 * the form ({@code fieldErrors}), or one message for the alert ({@code formError}).
 */
@Component
class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    String text(UserFacingException e) {
        return text(e.messageKey(), e.args());
    }

    /** One message per field, the first problem of each field winning. */
    Map<String, String> fieldErrors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.putIfAbsent(p.field(), text(p.messageKey(), p.args()));
        }
        return errors;
    }

    /** Values that could not even be converted: a date typed by hand, a tampered select. */
    static List<FieldProblem> bindingProblems(BindingResult binding) {
        List<FieldProblem> problems = new ArrayList<>();
        if (binding != null) {
            binding.getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(), "validation.invalid")));
        }
        return problems;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
