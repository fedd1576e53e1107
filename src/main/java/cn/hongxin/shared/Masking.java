package cn.hongxin.shared;

/** Masks sensitive values for display. */
public final class Masking {

    private Masking() {
    }

    /** Keeps {@code head} leading and {@code tail} trailing characters and stars the rest. */
    public static String keep(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    /** A mobile number as {@code 138****5678}. */
    public static String phone(String phone) {
        return keep(phone, 3, 4);
    }
}
