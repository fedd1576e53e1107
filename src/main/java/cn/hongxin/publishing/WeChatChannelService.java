package cn.hongxin.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.FieldCipher;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;

/**
 * The WeChat official account's credentials (publishing:channel). The secret is kept encrypted by security's
 * FieldCipher and never shown again: the page shows it masked, and an empty secret field keeps the stored one.
 */
@Service
public class WeChatChannelService {

    private static final Pattern APP_ID = Pattern.compile("wx[0-9a-zA-Z]{6,30}");
    private static final Pattern SECRET = Pattern.compile("[0-9a-zA-Z]{16,64}");

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    WeChatChannelService(JdbcClient jdbc, FieldCipher cipher, CurrentUsers currentUsers, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /** The channel's settings, secret masked. */
    @Transactional(readOnly = true)
    public WeChatChannelView view() {
        currentUsers.require(Permission.CHANNEL_CONFIGURE);
        return jdbc.sql("select * from wechat_channel where id = 1").query((rs, n) -> new WeChatChannelView(true,
                        rs.getString("app_id"), mask(cipher.decrypt(rs.getString("secret_cipher"))),
                        ArticleService.instant(rs, "updated_at"), rs.getString("updated_by")))
                .optional().orElse(WeChatChannelView.notConfigured());
    }

    /** Whether app id and secret are set (anyone may ask: the article pages show it). */
    @Transactional(readOnly = true)
    public boolean configured() {
        return jdbc.sql("select count(*) from wechat_channel where id = 1").query(Long.class).single() > 0;
    }

    /** Sets app id and secret; a blank secret keeps the stored one. */
    @Transactional
    public WeChatChannelView configure(String appId, String secret) {
        CurrentUser user = currentUsers.require(Permission.CHANNEL_CONFIGURE);
        String id = appId == null ? "" : appId.strip();
        String s = secret == null ? "" : secret.strip();
        boolean exists = configured();
        List<FieldProblem> problems = new ArrayList<>();
        if (!APP_ID.matcher(id).matches()) {
            problems.add(new FieldProblem("appId", "wechat.appId.invalid"));
        }
        if (s.isEmpty() && !exists) {
            problems.add(new FieldProblem("secret", "wechat.secret.required"));
        } else if (!s.isEmpty() && !SECRET.matcher(s).matches()) {
            problems.add(new FieldProblem("secret", "wechat.secret.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (exists) {
            jdbc.sql("update wechat_channel set app_id = :a" + (s.isEmpty() ? "" : ", secret_cipher = :s")
                            + ", updated_at = :now, updated_by = :by where id = 1")
                    .param("a", id).param("s", s.isEmpty() ? null : cipher.encrypt(s))
                    .param("now", ArticleService.now()).param("by", user.username()).update();
        } else {
            jdbc.sql("""
                            insert into wechat_channel (id, app_id, secret_cipher, updated_at, updated_by)
                            values (1, :a, :s, :now, :by)""")
                    .param("a", id).param("s", cipher.encrypt(s)).param("now", ArticleService.now())
                    .param("by", user.username()).update();
        }
        audit.record(AuditAction.UPDATE, "wechat_channel", 1, AuditOutcome.SUCCESS,
                "app id " + id + (s.isEmpty() ? "" : ", secret changed"));
        return view();
    }

    /** Removes the credentials: the channel is then not configured. */
    @Transactional
    public void clear() {
        currentUsers.require(Permission.CHANNEL_CONFIGURE);
        jdbc.sql("delete from wechat_channel where id = 1").update();
        audit.record(AuditAction.DELETE, "wechat_channel", 1, AuditOutcome.SUCCESS, "credentials removed");
    }

    /** The decrypted credentials, for the publisher only. */
    @Transactional(readOnly = true)
    Optional<WeChatClient.Credentials> credentials() {
        return jdbc.sql("select app_id, secret_cipher from wechat_channel where id = 1")
                .query((rs, n) -> new WeChatClient.Credentials(rs.getString("app_id"),
                        cipher.decrypt(rs.getString("secret_cipher"))))
                .optional();
    }

    private static String mask(String secret) {
        return secret == null || secret.length() < 8 ? "••••••••"
                : secret.substring(0, 3) + "••••••••" + secret.substring(secret.length() - 3);
    }
}
