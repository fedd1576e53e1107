package cn.hongxin.publishing;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.Refusals;
import cn.hongxin.shared.UserFacingException;

/** A refusal as the publishing pages show it, in the user's language. */
@Component
class PublishingMessages {

    private final MessageSource messages;

    PublishingMessages(MessageSource messages) {
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
}
