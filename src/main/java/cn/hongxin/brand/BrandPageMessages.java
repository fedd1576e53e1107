package cn.hongxin.brand;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.Refusals;
import cn.hongxin.shared.UserFacingException;

/** Refusals and warnings as the brand pages show them, in the user's language. */
@Component
class BrandPageMessages {

    private final MessageSource messages;

    BrandPageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return Refusals.text(messages, key, args);
    }

    String text(UserFacingException e) {
        return Refusals.text(messages, e);
    }

    String text(FieldProblem p) {
        return Refusals.text(messages, p);
    }

    Map<String, String> fieldErrors(List<FieldProblem> problems) {
        return Refusals.fieldErrors(messages, problems);
    }

    List<String> all(List<FieldProblem> problems) {
        return problems.stream().map(this::text).toList();
    }
}
