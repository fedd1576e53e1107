package cn.hongxin.setup;

/** A demo account and its generated password, shown once. */
public record DemoAccount(String role, String username, String password, String scope) {
}
