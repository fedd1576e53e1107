package cn.hongxin.publishing;

import java.time.Instant;

/** The WeChat channel as its settings page shows it: the secret only masked. */
public record WeChatChannelView(boolean configured, String appId, String maskedSecret, Instant updatedAt,
                                String updatedBy) {

    static WeChatChannelView notConfigured() {
        return new WeChatChannelView(false, null, null, null, null);
    }
}
