package cn.hongxin.brand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.UserFacingException;

/** Refusals and warnings as the brand pages show them, in the user's language. */
@Component
class BrandPageMessages {

    private final MessageSource messages;

    BrandPageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String text(UserFacingException e) {
        return text(e.messageKey(), e.args());
    }

    String text(FieldProblem p) {
        return text(p.messageKey(), p.args());
    }

    Map<String, String> fieldErrors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), text(p)));
        return errors;
    }

    List<String> all(List<FieldProblem> problems) {
        return problems.stream().map(this::text).toList();
    }
}
