package cn.hongxin.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import cn.hongxin.HongxinApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The application of a benchmark (not a test): started on a fresh H2 file database in a temporary data directory, or
 * on embedded PostgreSQL (shared_buffers 256MB, work_mem 32MB, as the compliance benchmark), logging warnings only.
 * Closing it stops the application and the database and deletes the directory.
 */
final class BenchApp implements AutoCloseable {

    final String db;
    final ConfigurableApplicationContext context;
    private final EmbeddedPostgres postgres;
    private final Path dir;

    private BenchApp(String db, ConfigurableApplicationContext context, EmbeddedPostgres postgres, Path dir) {
        this.db = db;
        this.context = context;
        this.postgres = postgres;
        this.dir = dir;
    }

    /** Starts the application on {@code h2} or {@code postgresql}, with extra settings ({@code --key=value}). */
    static BenchApp start(String db, String... extra) throws Exception {
        if (!db.equals("h2") && !db.equals("postgresql")) {
            throw new IllegalArgumentException("database must be h2 or postgresql");
        }
        Path dir = Files.createTempDirectory("hongxin-bench-");
        List<String> settings = new ArrayList<>(List.of("--hongxin.data-dir=" + dir, "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=warn", "--logging.level.cn.hongxin=warn"));
        settings.addAll(List.of(extra));
        EmbeddedPostgres postgres = null;
        if (db.equals("postgresql")) {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .start();
            settings.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
            settings.add("--spring.datasource.username=postgres");
            settings.add("--spring.datasource.password=");
        }
        try {
            return new BenchApp(db, SpringApplication.run(HongxinApplication.class, settings.toArray(String[]::new)),
                    postgres, dir);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    boolean postgres() {
        return postgres != null;
    }

    /** The embedded PostgreSQL's port, or 0 on H2. */
    int postgresPort() {
        return postgres == null ? 0 : postgres.getPort();
    }

    @Override
    public void close() throws Exception {
        try {
            context.close();
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
