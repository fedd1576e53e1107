package cn.hongxin.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Migrations form one sequence named V<n>__<module>_<change>.sql and use only portable SQL. */
class MigrationNamingTests {

    static final Path DIR = Path.of("src/main/resources/db/migration");
    static final Pattern NAME = Pattern.compile("V(\\d+)__([a-z]+)_([a-z0-9_]+)\\.sql");
    static final Set<String> MODULES = Set.of("modulith", "shared", "security", "organisation", "brand", "events",
            "submissions", "mentoring", "outreach", "publishing", "newsletter", "compliance", "evaluation",
            "notifications", "files", "setup", "portal");

    @Test
    void everyMigrationIsNamedAfterItsModuleAndTheSequenceHasNoGaps() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<Integer> versions = files.stream().map(f -> {
            Matcher m = NAME.matcher(f.getFileName().toString());
            assertThat(m.matches()).as("migration name %s", f.getFileName()).isTrue();
            assertThat(MODULES).as("module of %s", f.getFileName()).contains(m.group(2));
            return Integer.parseInt(m.group(1));
        }).sorted().toList();
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).as("version sequence").isEqualTo(i + 1);
        }
    }

    @Test
    void migrationsAvoidTypesThatDifferBetweenH2AndPostgres() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path f : s.toList()) {
                String sql = Files.readString(f).toLowerCase().replaceAll("--[^\n]*", "");
                assertThat(sql).as(f.getFileName().toString())
                        .doesNotContainPattern("\\btext\\b")
                        .doesNotContainPattern("\\b(big)?serial\\b")
                        .doesNotContain("auto_increment")
                        .doesNotContainPattern("\\bclob\\b");
            }
        }
    }
}
