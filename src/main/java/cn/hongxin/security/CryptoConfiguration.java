package cn.hongxin.security;

import java.nio.file.Path;

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

    @Bean
    FieldCipher fieldCipher(CryptoProperties properties, @Value("${hongxin.data-dir}") String dataDir) {
        Path keys = Path.of(dataDir, "keys");
        byte[] key = SecretKeys.resolve(properties.key(), "hongxin.crypto.key", keys.resolve("field.key"));
        byte[] indexKey = SecretKeys.resolve(properties.blindIndexKey(), "hongxin.crypto.blind-index-key",
                keys.resolve("blind-index.key"));
        return new GcmFieldCipher(properties.algorithmOrDefault(), key, indexKey);
    }

}
