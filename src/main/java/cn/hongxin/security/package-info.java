/**
 * Accounts, login, roles and permissions, data scope by org subtree, personal access tokens,
 * field encryption of sensitive data, and the tamper-evident audit trail. A shared module: every
 * other module checks permissions and writes audit entries through its public surface
 * ({@link cn.hongxin.security.CurrentUsers}, {@link cn.hongxin.security.AuditTrail},
 * {@link cn.hongxin.security.FieldCipher}, {@link cn.hongxin.security.AccountService}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package cn.hongxin.security;
