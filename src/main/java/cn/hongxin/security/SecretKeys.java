package cn.hongxin.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 32-byte secret keys: from configuration when set (Base64), otherwise read from — or generated once into —
 * a file under {@code <data-dir>/keys/} with owner-only permissions. Keys never live in the repository.
 */
public final class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    /**
     * @param configured the configured Base64 key, or blank to use {@code file}
     * @param property   the configuration property's name, for the error message
     */
    public static byte[] resolve(String configured, String property, Path file) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), property);
        }
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).strip(), file.toString());
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: rely on the data directory's permissions
            }
            log.warn("Generated a new key at {}; back it up together with the database", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key " + file, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException(where + " must be Base64 of 32 bytes");
        }
        return key;
    }
}
