package cn.hongxin.submissions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.UserFacingException;

/** A refusal as the submissions pages show it, in the user's language. */
@Component
class SubmissionMessages {

    private final MessageSource messages;

    SubmissionMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String text(UserFacingException e) {
        return text(e.messageKey(), e.args());
    }

    Map<String, String> fieldErrors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.putIfAbsent(p.field(), text(p.messageKey(), p.args()));
        }
        return errors;
    }
}
