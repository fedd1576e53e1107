package cn.hongxin.security;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * At least {@code hongxin.security.password-min-length} characters and three of: lower case,
 * upper case, digits, other characters (a Chinese character counts as "other"). A passphrase of
 * 16 or more characters needs only two kinds. The password may not contain the username.
 */
@Component
public class PasswordPolicy {

    private final SecurityProperties properties;

    PasswordPolicy(SecurityProperties properties) {
        this.properties = properties;
    }

    /** The message key of the first rule the password breaks, or empty when it is acceptable. */
    public Optional<String> violation(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < properties.passwordMinLength()) {
            return Optional.of("password.policy.length");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("password.policy.username");
        }
        int kinds = 0;
        kinds += password.codePoints().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.codePoints().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.codePoints().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c) || isHan(c)) ? 1 : 0;
        int needed = password.codePointCount(0, password.length()) >= 16 ? 2 : 3;
        return kinds >= needed ? Optional.empty() : Optional.of("password.policy.kinds");
    }

    public int minLength() {
        return properties.passwordMinLength();
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
