package cn.hongxin.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL server from the embedded binaries for the benchmark scripts and keeps it
 * running until this process is stopped. Usage: {@code EmbeddedPostgresMain <port> <data-dir>}.
 * The server is reachable as {@code jdbc:postgresql://localhost:<port>/postgres}, user postgres.
 */
public final class EmbeddedPostgresMain {

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }));
        org.slf4j.LoggerFactory.getLogger(EmbeddedPostgresMain.class).info("PostgreSQL ready on port {}", port);
        Thread.currentThread().join();
    }
}
