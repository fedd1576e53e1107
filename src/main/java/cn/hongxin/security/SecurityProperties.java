package cn.hongxin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hongxin.security.*}: login lockout and password policy. */
@ConfigurationProperties("hongxin.security")
record SecurityProperties(int lockoutThreshold, int lockoutMinutes, int passwordMinLength) {
}
