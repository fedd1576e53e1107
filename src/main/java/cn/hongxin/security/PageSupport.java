package cn.hongxin.security;

import java.time.ZoneId;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import cn.hongxin.shared.Refusals;
import cn.hongxin.shared.UserFacingException;

/** What the security pages share: the display time zone, messages in the user's language, list URLs. */
@Component
class PageSupport {

    /** Times are shown in Beijing time, whatever zone the server runs in. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MessageSource messages;

    PageSupport(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return Refusals.text(messages, key, args);
    }

    String text(UserFacingException e) {
        return Refusals.text(messages, e);
    }

    /** A list URL with its non-blank search parameters, for the pagination links. */
    static String listUrl(String path, Object... nameValuePairs) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            Object value = nameValuePairs[i + 1];
            if (value != null && !value.toString().isBlank()) {
                b.queryParam(nameValuePairs[i].toString(), value.toString().strip());
            }
        }
        return b.encode().build().toUriString();
    }
}
