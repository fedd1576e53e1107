package cn.hongxin.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code --backup=FILE.zip}: an online, consistent backup of the embedded H2 database (H2's
 * {@code BACKUP TO}) plus the keys directory, in one zip; then the process exits. For PostgreSQL use
 * {@code pg_dump} and copy the keys (docs/operations.md).
 */
@Component
class BackupCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;
    private final String dataDir;
    private final String url;

    BackupCommand(JdbcClient jdbc, ConfigurableApplicationContext context,
                  @Value("${hongxin.data-dir}") String dataDir, @Value("${spring.datasource.url}") String url) {
        this.jdbc = jdbc;
        this.context = context;
        this.dataDir = dataDir;
        this.url = url;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.containsOption("backup")) {
            return;
        }
        Path target = Path.of(args.getOptionValues("backup").get(0)).toAbsolutePath();
        int code = 0;
        if (!url.startsWith("jdbc:h2:")) {
            log.error("--backup works on the embedded H2 database; for PostgreSQL use pg_dump (docs/operations.md)");
            code = 2;
        } else {
            Path db = Files.createTempFile("hongxin-db", ".zip");
            Files.delete(db);
            jdbc.sql("BACKUP TO '" + db.toString().replace("'", "''") + "'").update();
            try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
                copyZip(db, "db/", zip);
                Path keys = Path.of(dataDir, "keys");
                if (Files.isDirectory(keys)) {
                    try (Stream<Path> files = Files.list(keys)) {
                        for (Path key : files.toList()) {
                            zip.putNextEntry(new ZipEntry("keys/" + key.getFileName()));
                            Files.copy(key, zip);
                            zip.closeEntry();
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(db);
            }
            log.info("Backup written to {}", target);
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private static void copyZip(Path source, String prefix, ZipOutputStream zip) throws IOException {
        try (InputStream in = Files.newInputStream(source); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(prefix + e.getName()));
                entries.transferTo(zip);
                zip.closeEntry();
            }
        }
    }
}
