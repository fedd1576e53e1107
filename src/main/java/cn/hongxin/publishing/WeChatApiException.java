package cn.hongxin.publishing;

import java.util.Set;

/**
 * The WeChat API answered with an error code (or could not be reached: code {@link #UNREACHABLE}). The editor
 * sees {@link #messageKey()} in plain words, with the code and WeChat's own message beside it.
 */
class WeChatApiException extends RuntimeException {

    static final int UNREACHABLE = -2;
    static final int BAD_ANSWER = -3;
    /** The access token is invalid or expired: fetch a new one and try once more. */
    static final Set<Integer> TOKEN_CODES = Set.of(40001, 42001, 40014);
    /** WeChat refused the content itself: retrying the same content does not help. */
    static final Set<Integer> CONTENT_CODES = Set.of(53503, 87014, 45028, 53504, 53505, 40007, 45002, 45003, 45004);
    private static final Set<Integer> KNOWN = Set.of(-1, 40001, 42001, 40014, 40013, 40125, 40164, 40007, 41001,
            45009, 45011, 45028, 48001, 53503, 53504, 53505, 87014, 45002, 45003, 45004, UNREACHABLE,
            BAD_ANSWER);

    private final int errcode;
    private final String errmsg;

    WeChatApiException(int errcode, String errmsg) {
        super("WeChat error " + errcode + ": " + errmsg);
        this.errcode = errcode;
        this.errmsg = errmsg == null ? "" : errmsg;
    }

    int errcode() {
        return errcode;
    }

    String errmsg() {
        return errmsg;
    }

    boolean tokenProblem() {
        return TOKEN_CODES.contains(errcode);
    }

    /** Whether a later retry may succeed (busy, quota, network); a content rejection or bad credentials will not. */
    boolean transientFailure() {
        return errcode == -1 || errcode == 45009 || errcode == 45011 || errcode == UNREACHABLE
                || errcode == BAD_ANSWER || tokenProblem();
    }

    /** The message key of this code, e.g. wechat.error.45009; wechat.error.other when not mapped. */
    String messageKey() {
        return KNOWN.contains(errcode) ? "wechat.error." + (errcode < 0 ? "m" + (-errcode) : errcode)
                : "wechat.error.other";
    }
}
