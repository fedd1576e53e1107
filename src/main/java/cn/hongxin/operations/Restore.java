package cn.hongxin.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code --restore=FILE.zip}: unpacks a backup made by {@code --backup} into the data directory before
 * the application starts. Refuses to overwrite an existing database.
 */
public final class Restore {

    private Restore() {
    }

    /** Restores {@code backup} into {@code dataDir}; returns a message for the console. */
    public static String into(Path backup, Path dataDir) throws IOException {
        Path db = dataDir.resolve("db");
        if (Files.exists(db.resolve("hongxin.mv.db"))) {
            throw new IllegalStateException("A database already exists in " + db
                    + "; move it away first (restore never overwrites data)");
        }
        Files.createDirectories(db);
        Files.createDirectories(dataDir.resolve("keys"));
        int files = 0;
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                Path target;
                if (name.startsWith("db/")) {
                    target = db.resolve(Path.of(name.substring(3)).getFileName());
                } else if (name.startsWith("keys/")) {
                    target = dataDir.resolve("keys").resolve(Path.of(name.substring(5)).getFileName());
                } else {
                    continue;
                }
                Files.copy(zip, target);
                files++;
            }
        }
        return "Restored " + files + " files from " + backup + " into " + dataDir;
    }
}
