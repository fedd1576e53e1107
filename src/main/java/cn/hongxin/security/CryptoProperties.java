package cn.hongxin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hongxin.crypto.*}; keys are Base64 of 32 bytes. */
@ConfigurationProperties("hongxin.crypto")
record CryptoProperties(String key, String blindIndexKey, String algorithm) {

    String algorithmOrDefault() {
        return algorithm == null || algorithm.isBlank() ? "AES" : algorithm.toUpperCase();
    }
}
