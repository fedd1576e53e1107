package cn.hongxin.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What a page shows of a refusal, in the current user's language: one text for a message key, a
 * {@link UserFacingException} or a {@link FieldProblem}, or a field to message map for a form (the first problem
 * of each field wins). An unknown key shows as itself. The modules' page helpers delegate here.
 */
public final class Refusals {

    private Refusals() {
    }

    public static String text(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    public static String text(MessageSource messages, UserFacingException e) {
        return text(messages, e.messageKey(), e.args());
    }

    public static String text(MessageSource messages, FieldProblem p) {
        return text(messages, p.messageKey(), p.args());
    }

    public static Map<String, String> fieldErrors(MessageSource messages, List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.putIfAbsent(p.field(), text(messages, p));
        }
        return errors;
    }
}
