package cn.hongxin.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * GCM field encryption: AES-256-GCM (JDK) or SM4-GCM (Bouncy Castle). Stored form:
 * {@code <alg>:<base64(nonce || ciphertext || tag)>}, so a database can hold both while migrating.
 */
final class GcmFieldCipher implements FieldCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final String algorithm;
    private final byte[] key;
    private final byte[] indexKey;

    GcmFieldCipher(String algorithm, byte[] key, byte[] indexKey) {
        if (!algorithm.equals("AES") && !algorithm.equals("SM4")) {
            throw new IllegalArgumentException("hongxin.crypto.algorithm must be AES or SM4");
        }
        this.algorithm = algorithm;
        this.key = algorithm.equals("SM4") ? java.util.Arrays.copyOf(key, 16) : key.clone();
        this.indexKey = indexKey.clone();
    }

    @Override
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(algorithm);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyFor(algorithm), algorithm),
                    new GCMParameterSpec(128, nonce));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + body.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(body, 0, out, nonce.length, body.length);
            return algorithm + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        int colon = ciphertext.indexOf(':');
        String alg = ciphertext.substring(0, colon);
        byte[] raw = Base64.getDecoder().decode(ciphertext.substring(colon + 1));
        try {
            Cipher cipher = cipher(alg);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyFor(alg), alg),
                    new GCMParameterSpec(128, raw, 0, 12));
            return new String(cipher.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or altered data", e);
        }
    }

    @Override
    public String blindIndex(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(indexKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(plaintext.strip().toUpperCase()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] keyFor(String alg) {
        return alg.equals("SM4") ? java.util.Arrays.copyOf(key, 16) : key;
    }

    private static Cipher cipher(String alg) throws GeneralSecurityException {
        return alg.equals("SM4") ? Cipher.getInstance("SM4/GCM/NoPadding", BC)
                : Cipher.getInstance("AES/GCM/NoPadding");
    }
}
