package cn.hongxin.shared;

import java.util.Arrays;

/**
 * A refusal the user can act on: carries a message key (resolved in the user's language) and its
 * arguments. Pages show it as an alert; the API answers 400 with a ProblemDetail.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UserFacingException(String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
