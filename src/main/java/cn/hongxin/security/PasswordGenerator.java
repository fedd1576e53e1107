package cn.hongxin.security;

import java.security.SecureRandom;

/** Initial and reset passwords: 14 characters of four kinds without look-alikes (0/O, 1/l/I). */
final class PasswordGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+=@";

    private PasswordGenerator() {
    }

    static String generate() {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        char[] out = new char[14];
        out[0] = pick(UPPER);
        out[1] = pick(LOWER);
        out[2] = pick(DIGITS);
        out[3] = pick(SYMBOLS);
        for (int i = 4; i < out.length; i++) {
            out[i] = pick(all);
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
