package cn.hongxin.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin client of the WeChat official account API on Spring's RestClient: access token (cgi-bin/token, cached
 * until five minutes before it expires), permanent image material (the cover's thumb_media_id), body images
 * (uploadimg), draft/add, freepublish/submit and freepublish/get. An answer with errcode 40001, 42001 or 40014
 * (token invalid or expired) drops the cached token, fetches a new one and tries the call once more; every other
 * error code becomes a {@link WeChatApiException}. The base URL is configurable
 * (hongxin.wechat.base-url) so tests talk to a local stand-in.
 */
@Component
class WeChatClient {

    private static final Logger log = LoggerFactory.getLogger(WeChatClient.class);
    private static final Duration EARLY = Duration.ofMinutes(5);

    /** What freepublish/get says: 0 published, 1 publishing, 2 to 6 failed or removed. */
    record PublishStatus(int status, String articleId, String articleUrl) {
        boolean published() {
            return status == 0;
        }

        boolean pending() {
            return status == 1;
        }
    }

    private record Token(String value, Instant expiresAt) {
    }

    private final RestClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    WeChatClient(@Value("${hongxin.wechat.base-url:https://api.weixin.qq.com}") String baseUrl) {
        this(baseUrl, Clock.systemUTC());
    }

    WeChatClient(String baseUrl, Clock clock) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(10));
        factory.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
        this.clock = clock;
    }

    /** The cached access token of this account, fetched when missing or about to expire. */
    String token(String appId, String secret) {
        Token t = tokens.get(appId);
        if (t != null && clock.instant().isBefore(t.expiresAt())) {
            return t.value();
        }
        JsonNode answer = call(() -> http.get()
                .uri(u -> u.path("/cgi-bin/token").queryParam("grant_type", "client_credential")
                        .queryParam("appid", appId).queryParam("secret", secret).build())
                .retrieve().body(String.class));
        String value = answer.path("access_token").asString("");
        if (value.isEmpty()) {
            throw new WeChatApiException(WeChatApiException.BAD_ANSWER, "no access_token");
        }
        long seconds = answer.path("expires_in").asLong(7200);
        tokens.put(appId, new Token(value, clock.instant().plusSeconds(seconds).minus(EARLY)));
        return value;
    }

    void forgetToken(String appId) {
        tokens.remove(appId);
    }

    /** Permanent image material (for a cover): its media_id. */
    String addPermanentImage(Credentials c, byte[] bytes, String fileName) {
        JsonNode answer = withToken(c, token -> http.post()
                .uri(u -> u.path("/cgi-bin/material/add_material").queryParam("access_token", token)
                        .queryParam("type", "image").build())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(media(bytes, fileName))
                .retrieve().body(String.class));
        return required(answer, "media_id");
    }

    /** An image inside an article's body: the URL WeChat serves it from. */
    String uploadBodyImage(Credentials c, byte[] bytes, String fileName) {
        JsonNode answer = withToken(c, token -> http.post()
                .uri(u -> u.path("/cgi-bin/media/uploadimg").queryParam("access_token", token).build())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(media(bytes, fileName))
                .retrieve().body(String.class));
        return required(answer, "url");
    }

    /** A draft of one article: its media_id. */
    String addDraft(Credentials c, String title, String author, String digest, String contentHtml,
                    String sourceUrl, String thumbMediaId) {
        Map<String, Object> article = new java.util.LinkedHashMap<>();
        article.put("title", title);
        article.put("author", author);
        article.put("digest", digest == null ? "" : digest);
        article.put("content", contentHtml);
        article.put("content_source_url", sourceUrl == null ? "" : sourceUrl);
        article.put("thumb_media_id", thumbMediaId);
        article.put("need_open_comment", 0);
        article.put("only_fans_can_comment", 0);
        String body = json.writeValueAsString(Map.of("articles", List.of(article)));
        JsonNode answer = withToken(c, token -> http.post()
                .uri(u -> u.path("/cgi-bin/draft/add").queryParam("access_token", token).build())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class));
        return required(answer, "media_id");
    }

    /** Submits a draft for publication: the publish_id to poll. */
    String submit(Credentials c, String draftMediaId) {
        String body = json.writeValueAsString(Map.of("media_id", draftMediaId));
        JsonNode answer = withToken(c, token -> http.post()
                .uri(u -> u.path("/cgi-bin/freepublish/submit").queryParam("access_token", token).build())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class));
        return required(answer, "publish_id");
    }

    /** The state of a publication. */
    PublishStatus status(Credentials c, String publishId) {
        String body = json.writeValueAsString(Map.of("publish_id", publishId));
        JsonNode answer = withToken(c, token -> http.post()
                .uri(u -> u.path("/cgi-bin/freepublish/get").queryParam("access_token", token).build())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class));
        if (!answer.has("publish_status")) {
            throw new WeChatApiException(WeChatApiException.BAD_ANSWER, "no publish_status");
        }
        JsonNode item = answer.path("article_detail").path("item").path(0);
        return new PublishStatus(answer.path("publish_status").asInt(), answer.path("article_id").asString(null),
                item.path("article_url").asString(null));
    }

    /** Credentials of the configured account. */
    record Credentials(String appId, String secret) {
        @Override
        public String toString() {
            return "Credentials[" + appId + "]";
        }
    }

    private JsonNode withToken(Credentials c, Function<String, String> request) {
        try {
            return call(() -> request.apply(token(c.appId(), c.secret())));
        } catch (WeChatApiException e) {
            if (!e.tokenProblem()) {
                throw e;
            }
            log.info("WeChat token refused ({}), fetching a new one", e.errcode());
            forgetToken(c.appId());
            return call(() -> request.apply(token(c.appId(), c.secret())));
        }
    }

    private JsonNode call(java.util.function.Supplier<String> request) {
        String text;
        try {
            text = request.get();
        } catch (RestClientException e) {
            throw new WeChatApiException(WeChatApiException.UNREACHABLE, e.getClass().getSimpleName());
        }
        JsonNode answer;
        try {
            answer = json.readTree(text == null ? "" : text);
        } catch (RuntimeException e) {
            throw new WeChatApiException(WeChatApiException.BAD_ANSWER, "not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw new WeChatApiException(WeChatApiException.BAD_ANSWER, "not a JSON object");
        }
        int code = answer.path("errcode").asInt(0);
        if (code != 0) {
            throw new WeChatApiException(code, answer.path("errmsg").asString(""));
        }
        return answer;
    }

    private static String required(JsonNode answer, String field) {
        JsonNode v = answer.get(field);
        if (v == null || v.isNull() || v.asString("").isEmpty()) {
            throw new WeChatApiException(WeChatApiException.BAD_ANSWER, "no " + field);
        }
        return v.asString();
    }

    private static MultiValueMap<String, Object> media(byte[] bytes, String fileName) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("media", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return parts;
    }
}
