package cn.hongxin.security;

/**
 * Encrypts sensitive fields (resident-ID numbers, phone numbers, care records) at rest. The
 * implementation is chosen by configuration (AES-256-GCM by default, SM4-GCM for 国密 deployments);
 * the key comes from configuration or the data directory, never from the repository.
 */
public interface FieldCipher {

    /** Authenticated encryption with a fresh nonce; the result names its algorithm. */
    String encrypt(String plaintext);

    /** Decrypts what {@link #encrypt} produced; fails if the text was altered. */
    String decrypt(String ciphertext);

    /**
     * A keyed, deterministic digest (HMAC-SHA256) of a normalised value, for uniqueness checks and
     * exact-match lookups without decrypting.
     */
    String blindIndex(String plaintext);
}
