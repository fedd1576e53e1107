package cn.hongxin.publishing;

/**
 * An article's way through the WeChat official account: not sent, being sent (images, draft), submitted for
 * publication (polled until WeChat reports the outcome), published, or failed (retried from the last step done).
 */
public enum WeChatState {
    NONE, PENDING, SUBMITTED, PUBLISHED, FAILED
}
