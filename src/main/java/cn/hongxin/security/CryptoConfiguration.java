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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Field-encryption keys: from {@code hongxin.crypto.key} / {@code blind-index-key} when set (production:
 * from the environment or a secrets file), otherwise generated once into {@code <data-dir>/keys/}
 * with owner-only permissions. Back the keys up with the database: without them the encrypted
 * fields cannot be read.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    FieldCipher fieldCipher(CryptoProperties properties, @Value("${hongxin.data-dir}") String dataDir) {
        Path keys = Path.of(dataDir, "keys");
        byte[] key = resolve(properties.key(), keys.resolve("field.key"));
        byte[] indexKey = resolve(properties.blindIndexKey(), keys.resolve("blind-index.key"));
        return new GcmFieldCipher(properties.algorithmOrDefault(), key, indexKey);
    }

    private static byte[] resolve(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "configured key");
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
            log.warn("Generated a new field-encryption key at {}; back it up together with the database", file);
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
