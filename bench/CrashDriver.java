import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives bench/crash.sh over HTTP, with nothing but the JDK (run as a single source file).
 *
 *   prepare BASE STATE_DIR         first-run setup through the page, a personal access token, a class to write into
 *   write   BASE STATE_DIR CLIENTS  POSTs people from CLIENTS threads until killed or 5 min; appends each
 *                                   acknowledged (201) staff number to STATE_DIR/acked.txt, flushed at once
 *   verify  BASE STATE_DIR         counts how many acknowledged staff numbers are present after the restart
 */
public class CrashDriver {

    static final String PASSWORD = "Durable-Writes-2026!";
    static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[1];
        Path state = Path.of(args[2]);
        switch (args[0]) {
            case "prepare" -> prepare(base, state);
            case "write" -> write(base, state, Integer.parseInt(args[3]));
            case "verify" -> verify(base, state);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void prepare(String base, Path state) throws Exception {
        String form = get(base + "/setup", null).body();
        String csrf = match(form, "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        HttpResponse<String> setup = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/setup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody("_csrf", csrf, "organisationName", "压测大学委员会",
                        "adminUsername", "bench", "adminDisplayName", "bench", "password", PASSWORD,
                        "passwordRepeat", PASSWORD, "_loadDemo", "on"))).build(), HttpResponse.BodyHandlers.ofString());
        if (setup.statusCode() != 200 || !setup.body().contains("go-login")) {
            throw new IllegalStateException("setup failed: " + setup.statusCode());
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString(("bench:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = post(base + "/api/v1/tokens", basic, "{\"name\":\"crash\",\"validDays\":1}");
        String secret = match(token.body(), "\"secret\"\\s*:\\s*\"([^\"]+)\"");
        String bearer = "Bearer " + secret;
        long root = Long.parseLong(match(get(base + "/api/v1/org-units", bearer).body(), "\"id\"\\s*:\\s*(\\d+)"));
        long dept = id(post(base + "/api/v1/org-units", bearer,
                "{\"parentId\":" + root + ",\"name\":\"压测系\",\"unitType\":\"DEPARTMENT\"}"));
        long clazz = id(post(base + "/api/v1/org-units", bearer,
                "{\"parentId\":" + dept + ",\"name\":\"压测班\",\"unitType\":\"CLASS\"}"));
        Files.writeString(state.resolve("token"), secret);
        Files.writeString(state.resolve("class"), Long.toString(clazz));
    }

    static void write(String base, Path state, int clients) throws Exception {
        String bearer = "Bearer " + Files.readString(state.resolve("token")).strip();
        String clazz = Files.readString(state.resolve("class")).strip();
        Path acked = state.resolve("acked.txt");
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int i = 0; !stop.get() && System.nanoTime() < deadline; i++) {
                    String staffNo = "C" + client + "N" + i;
                    String body = "{\"name\":\"压测" + client + "号" + i + "\",\"gender\":\"MALE\",\"staffNo\":\"" + staffNo
                            + "\",\"personType\":\"STUDENT\",\"adminUnitId\":" + clazz
                            + ",\"politicalStatus\":\"LEAGUE_MEMBER\"}";
                    try {
                        HttpResponse<String> r = post(base + "/api/v1/people", bearer, body);
                        if (r.statusCode() == 201) {
                            synchronized (CrashDriver.class) {
                                Files.writeString(acked, staffNo + "\n", StandardCharsets.UTF_8,
                                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND,
                                        java.nio.file.StandardOpenOption.SYNC);
                            }
                        }
                    } catch (IOException e) {
                        stop.set(true); // the server is gone
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static void verify(String base, Path state) throws Exception {
        String bearer = "Bearer " + Files.readString(state.resolve("token")).strip();
        String clazz = Files.readString(state.resolve("class")).strip();
        Set<String> present = new HashSet<>();
        Pattern staff = Pattern.compile("\"staffNo\"\\s*:\\s*\"([^\"]+)\"");
        for (int page = 0; ; page++) {
            String body = get(base + "/api/v1/people?size=500&unitId=" + clazz + "&page=" + page, bearer).body();
            Matcher m = staff.matcher(body);
            int n = 0;
            while (m.find()) {
                present.add(m.group(1));
                n++;
            }
            if (n == 0) {
                break;
            }
        }
        List<String> acked = Files.exists(state.resolve("acked.txt"))
                ? Files.readAllLines(state.resolve("acked.txt")) : List.of();
        long lost = acked.stream().filter(s -> !present.contains(s)).count();
        System.out.printf("acknowledged=%d present=%d lost=%d%n", acked.size(),
                acked.stream().filter(present::contains).count(), lost);
    }

    static long id(HttpResponse<String> r) {
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return Long.parseLong(match(r.body(), "\"id\"\\s*:\\s*(\\d+)"));
    }

    static HttpResponse<String> get(String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String auth, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    static String formBody(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
