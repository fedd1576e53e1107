package cn.hongxin.shared;

/** Mainland mobile (11 digits starting 1) or landline with area code. */
public final class PhoneNumber {

    private PhoneNumber() {
    }

    public static boolean valid(String raw) {
        return raw != null && (raw.matches("1[3-9]\\d{9}") || raw.matches("0\\d{2,3}-?\\d{7,8}"));
    }

    /** Strips spaces and a +86 prefix. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[\\s]", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        }
        return s;
    }
}
