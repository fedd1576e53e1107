package cn.hongxin.setup;

import java.util.Random;

/** Generates passwords that satisfy the policy: 14 characters of four kinds, no look-alikes. */
final class Passwords {

    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+=@";

    private Passwords() {
    }

    static String generate(Random random) {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        char[] out = new char[14];
        out[0] = UPPER.charAt(random.nextInt(UPPER.length()));
        out[1] = LOWER.charAt(random.nextInt(LOWER.length()));
        out[2] = DIGITS.charAt(random.nextInt(DIGITS.length()));
        out[3] = SYMBOLS.charAt(random.nextInt(SYMBOLS.length()));
        for (int i = 4; i < out.length; i++) {
            out[i] = all.charAt(random.nextInt(all.length()));
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }
}
