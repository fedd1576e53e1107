package cn.hongxin.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campus intranets are often cut off from the internet: no template, style or script may refer to
 * an external host. (The browser tests also record every request a page makes.)
 */
class NoExternalResourcesTests {

    static final Pattern URL = Pattern.compile("(?:src|href|url|action)\\s*[=(]\\s*[\"']?\\s*((?:https?:)?//[^\"')\\s]+)");

    @Test
    void templatesAndStaticFilesReferToNoExternalHost() throws IOException {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("src/main/resources/templates", "src/main/resources/static")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                for (Path f : s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(html|css|js|svg)$")).toList()) {
                    Matcher m = URL.matcher(Files.readString(f));
                    while (m.find()) {
                        found.add(f + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
