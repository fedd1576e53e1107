package cn.hongxin.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese and English bundles hold the same keys, and every key a template uses exists. */
class MessageBundleTests {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        List<Path> chinese;
        try (Stream<Path> s = Files.list(I18N)) {
            chinese = s.filter(p -> !p.getFileName().toString().contains("_")).sorted().toList();
        }
        assertThat(chinese).isNotEmpty();
        for (Path zh : chinese) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(en).as("English bundle for " + zh.getFileName()).exists();
            Set<String> zhKeys = keys(zh);
            Set<String> enKeys = keys(en);
            assertThat(enKeys).as("keys missing in " + en.getFileName())
                    .containsAll(zhKeys);
            assertThat(zhKeys).as("keys missing in " + zh.getFileName())
                    .containsAll(enKeys);
        }
    }

    @Test
    void chineseBundlesAreChinese() throws IOException {
        Properties all = new Properties();
        try (Stream<Path> s = Files.list(I18N)) {
            for (Path zh : s.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                all.putAll(load(zh));
            }
        }
        assertThat(all.getProperty("app.name")).isEqualTo("红心");
        assertThat(all.getProperty("action.search")).isEqualTo("搜索");
    }

    @Test
    void everyStaticMessageKeyUsedInATemplateExists() throws IOException {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> s = Files.list(I18N)) {
            for (Path zh : s.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                known.addAll(keys(zh));
            }
        }
        Pattern key = Pattern.compile("#\\{([a-zA-Z][\\w.]*)(\\(|})");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            for (Path t : s.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(t));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(t) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    static Set<String> keys(Path file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
