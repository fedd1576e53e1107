package cn.hongxin.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.UserFacingException;

/** Refusals as the event pages show them, in the user's language. */
@Component
class EventPageMessages {

    private final MessageSource messages;

    EventPageMessages(MessageSource messages) {
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
        problems.forEach(p -> errors.putIfAbsent(p.field(), text(p.messageKey(), p.args())));
        return errors;
    }

    String firstProblem(List<FieldProblem> problems) {
        return problems.isEmpty() ? text("event.form.refused") : text(problems.get(0).messageKey(), problems.get(0).args());
    }
}
