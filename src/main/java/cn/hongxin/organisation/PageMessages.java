package cn.hongxin.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.Refusals;
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
        return Refusals.text(messages, key, args);
    }

    String text(UserFacingException e) {
        return Refusals.text(messages, e);
    }

    /** One message per field, the first problem of each field winning. */
    Map<String, String> fieldErrors(List<FieldProblem> problems) {
        return Refusals.fieldErrors(messages, problems);
    }

    /** Values that could not even be converted: a date typed by hand, a tampered select. */
    static List<FieldProblem> bindingProblems(BindingResult binding) {
        List<FieldProblem> problems = new ArrayList<>();
        if (binding != null) {
            binding.getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(), "validation.invalid")));
        }
        return problems;
    }
}
