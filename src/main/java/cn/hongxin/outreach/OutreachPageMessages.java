package cn.hongxin.outreach;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.Refusals;
import cn.hongxin.shared.UserFacingException;

/** Refusals as the outreach pages show them, in the user's language. */
@Component
class OutreachPageMessages {

    private final MessageSource messages;

    OutreachPageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return Refusals.text(messages, key, args);
    }

    String text(UserFacingException e) {
        return Refusals.text(messages, e);
    }

    Map<String, String> fieldErrors(List<FieldProblem> problems) {
        return Refusals.fieldErrors(messages, problems);
    }

    String firstProblem(List<FieldProblem> problems) {
        return problems.isEmpty() ? text("outreach.form.refused") : Refusals.text(messages, problems.get(0));
    }
}
