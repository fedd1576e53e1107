package cn.hongxin.security;

/** The client address of the request being served, for the audit trail; set by {@link RequestOriginFilter}. */
final class RequestOrigin {

    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private RequestOrigin() {
    }

    static void set(String address) {
        ADDRESS.set(address);
    }

    static String get() {
        return ADDRESS.get();
    }

    static void clear() {
        ADDRESS.remove();
    }
}
