package cn.hongxin.publishing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the WeChat official account API, speaking its protocol: GET cgi-bin/token
 * (client_credential, app id and secret checked), multipart uploads to cgi-bin/material/add_material (type image)
 * and cgi-bin/media/uploadimg (a part named media with a file name), JSON to cgi-bin/draft/add (thumb_media_id must
 * be a permanent material it issued, body images must be its own URLs), cgi-bin/freepublish/submit (media_id must be
 * a draft it holds) and cgi-bin/freepublish/get. Every call but the token checks access_token: unknown is 40001,
 * expired is 42001. Errors can be queued per path; the publication is reported as publishing for the first
 * {@code publishingPolls} polls, then as published.
 */
final class WeChatStandIn implements AutoCloseable {

    static final String APP_ID = "wx1234567890abcdef";
    static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final HttpServer server;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final AtomicInteger ids = new AtomicInteger(1000);
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** Successful calls per path (errors not counted). */
    final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> queuedErrors = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> materials = ConcurrentHashMap.newKeySet();
    private final Set<String> imageUrls = ConcurrentHashMap.newKeySet();
    private final Set<String> drafts = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    final List<JsonNode> draftBodies = new CopyOnWriteArrayList<>();
    final List<String> uploadedFileNames = new CopyOnWriteArrayList<>();
    volatile int publishingPolls = 1;
    volatile long expiresIn = 7200;

    WeChatStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int calls(String path) {
        return calls.getOrDefault(path, new AtomicInteger()).get();
    }

    int successes(String path) {
        return successes.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The next call of {@code path} answers this error code. */
    void failNext(String path, int errcode, String errmsg) {
        queuedErrors.computeIfAbsent(path, k -> new ArrayDeque<>())
                .add("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
    }

    /** Every token issued so far expires (calls with it answer 42001). */
    void expireTokens() {
        expiredTokens.addAll(validTokens);
        validTokens.clear();
    }

    /** Every token issued so far is forgotten (calls with it answer 40001, as after a token issued elsewhere). */
    void invalidateTokens() {
        validTokens.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        calls.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        Map<String, String> query = query(ex.getRequestURI());
        byte[] body = ex.getRequestBody().readAllBytes();
        String answer;
        Deque<String> errors = queuedErrors.get(path);
        if (errors != null && !errors.isEmpty()) {
            answer = errors.poll();
        } else if (path.equals("/cgi-bin/token")) {
            answer = token(ex, query);
        } else if (!validTokens.contains(query.getOrDefault("access_token", ""))) {
            answer = expiredTokens.contains(query.get("access_token"))
                    ? "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"
                    : "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}";
        } else {
            answer = switch (path) {
                case "/cgi-bin/material/add_material" -> upload(ex, body, query, true);
                case "/cgi-bin/media/uploadimg" -> upload(ex, body, query, false);
                case "/cgi-bin/draft/add" -> draft(body);
                case "/cgi-bin/freepublish/submit" -> submit(body);
                case "/cgi-bin/freepublish/get" -> status(body);
                default -> "{\"errcode\":48001,\"errmsg\":\"api unauthorized\"}";
            };
        }
        if (!answer.contains("\"errcode\"") || answer.contains("\"errcode\":0,")) {
            successes.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
        ex.sendResponseHeaders(200, out.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(out);
        }
    }

    private String token(HttpExchange ex, Map<String, String> q) {
        if (!"GET".equals(ex.getRequestMethod()) || !"client_credential".equals(q.get("grant_type"))) {
            return "{\"errcode\":40002,\"errmsg\":\"invalid grant_type\"}";
        }
        if (!APP_ID.equals(q.get("appid"))) {
            return "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}";
        }
        if (!SECRET.equals(q.get("secret"))) {
            return "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}";
        }
        String token = "TOKEN_" + ids.incrementAndGet();
        validTokens.add(token);
        return "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}";
    }

    private String upload(HttpExchange ex, byte[] body, Map<String, String> q, boolean permanent) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (type == null || !type.startsWith("multipart/form-data")
                || !text.contains("Content-Disposition: form-data; name=\"media\"; filename=\"")) {
            return "{\"errcode\":41005,\"errmsg\":\"media data missing\"}";
        }
        if (permanent && !"image".equals(q.get("type"))) {
            return "{\"errcode\":40004,\"errmsg\":\"invalid media type\"}";
        }
        int start = text.indexOf("filename=\"") + 10;
        uploadedFileNames.add(new String(text.substring(start, text.indexOf('"', start))
                .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        int id = ids.incrementAndGet();
        String url = "http://mmbiz.qpic.cn/mmbiz_png/standin" + id + "/0";
        if (permanent) {
            String mediaId = "MATERIAL_" + id;
            materials.add(mediaId);
            return "{\"media_id\":\"" + mediaId + "\",\"url\":\"" + url + "\"}";
        }
        imageUrls.add(url);
        return "{\"url\":\"" + url + "\"}";
    }

    private String draft(byte[] body) {
        JsonNode req = json.readTree(body);
        JsonNode article = req.path("articles").path(0);
        if (article.isMissingNode() || article.path("title").asString("").isEmpty()
                || article.path("content").asString("").isEmpty()) {
            return "{\"errcode\":44003,\"errmsg\":\"empty news data\"}";
        }
        if (!materials.contains(article.path("thumb_media_id").asString(""))) {
            return "{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}";
        }
        String content = article.path("content").asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("src=\"([^\"]*)\"").matcher(content);
        while (m.find()) {
            if (!imageUrls.contains(m.group(1))) {
                return "{\"errcode\":45166,\"errmsg\":\"invalid content: image not uploaded " + m.group(1) + "\"}";
            }
        }
        draftBodies.add(req);
        String mediaId = "DRAFT_" + ids.incrementAndGet();
        drafts.add(mediaId);
        return "{\"media_id\":\"" + mediaId + "\",\"item\":[]}";
    }

    private String submit(byte[] body) {
        String mediaId = json.readTree(body).path("media_id").asString("");
        if (!drafts.contains(mediaId)) {
            return "{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}";
        }
        String publishId = String.valueOf(2_247_483_000L + ids.incrementAndGet());
        polls.put(publishId, new AtomicInteger());
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"publish_id\":\"" + publishId + "\",\"msg_data_id\":2247483001}";
    }

    private String status(byte[] body) {
        String publishId = json.readTree(body).path("publish_id").asString("");
        AtomicInteger n = polls.get(publishId);
        if (n == null) {
            return "{\"errcode\":53600,\"errmsg\":\"Article ID invalid\"}";
        }
        if (n.getAndIncrement() < publishingPolls) {
            return "{\"publish_id\":\"" + publishId + "\",\"publish_status\":1,\"fail_idx\":[]}";
        }
        return "{\"publish_id\":\"" + publishId + "\",\"publish_status\":0,\"article_id\":\"ARTICLE_" + publishId
                + "\",\"article_detail\":{\"count\":1,\"item\":[{\"idx\":1,\"article_url\":\"https://mp.weixin.qq.com/s/"
                + publishId + "\"}]},\"fail_idx\":[]}";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new java.util.HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    List<String> paths() {
        return new ArrayList<>(calls.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
