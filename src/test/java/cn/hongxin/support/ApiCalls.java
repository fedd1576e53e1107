package cn.hongxin.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Calling /api/v1 as a real client does: a personal access token (created with HTTP Basic, once per account)
 * for accounts that may hold one, HTTP Basic for members (who hold no token:use).
 */
public final class ApiCalls {

    /** The password of every test account (security.TestAccounts.PASSWORD). */
    public static final String PASSWORD = "Test-Passw0rd!";

    private final MockMvc mvc;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public ApiCalls(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** {@code Authorization: Bearer hx_...} for this account, creating its token on first use. */
    public RequestPostProcessor bearer(String username) {
        String token = tokens.computeIfAbsent(username, this::createToken);
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** HTTP Basic with the test password. */
    public static RequestPostProcessor basic(String username) {
        return httpBasic(username, PASSWORD);
    }

    /** The JSON path's value in the response body. */
    public static <T> T read(MvcResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), path);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON number read from a response as a long. */
    public static long readLong(MvcResult result, String path) {
        return ((Number) read(result, path)).longValue();
    }

    private String createToken(String username) {
        try {
            MvcResult created = mvc.perform(post("/api/v1/tokens").with(basic(username))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"api-test\",\"validDays\":1}"))
                    .andExpect(status().isCreated()).andReturn();
            return read(created, "$.secret");
        } catch (Exception e) {
            throw new IllegalStateException("token for " + username, e);
        }
    }
}
