package cn.hongxin.security;

import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The security pages: accounts, security, audit, own password and tokens; lockout through the login form. */
@IntegrationTest
class SecurityPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestOrganisation org;
    @Autowired
    AccountRepository repository;

    /** First-run setup must run before any account exists, or it never runs in this context. */
    @BeforeEach
    void setUp() {
        org.admin();
    }

    @Test
    void theAuditPageIsTheAuditorsOnly() throws Exception {
        String auditor = accounts.create("auditor", EnumSet.of(Role.AUDITOR), null);
        String security = accounts.create("secadm", EnumSet.of(Role.SECURITY_ADMIN), null);
        mvc.perform(get("/system/audit").with(accounts.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-table\"")))
                .andExpect(content().string(containsString("共 ")));
        mvc.perform(get("/system/audit").with(accounts.as(org.admin()))).andExpect(status().isForbidden());
        mvc.perform(post("/system/audit/verify").with(accounts.as(org.admin())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/system/audit").with(accounts.as(security))).andExpect(status().isForbidden());
        mvc.perform(get("/system/accounts").with(accounts.as(auditor))).andExpect(status().isForbidden());
        mvc.perform(get("/system/security").with(accounts.as(auditor))).andExpect(status().isForbidden());
    }

    @Test
    void theAuditorFiltersTheTrailAndVerifiesItsIntegrity() throws Exception {
        String auditor = accounts.create("auditor", EnumSet.of(Role.AUDITOR), null);
        String victim = accounts.create("victim", EnumSet.of(Role.MEMBER), null);
        mvc.perform(formLogin("/login").user(victim).password("wrong-password-1"));
        mvc.perform(get("/system/audit").param("actor", victim).param("action", "LOGIN_FAILED")
                        .with(accounts.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString("登录失败")));
        mvc.perform(post("/system/audit/verify").with(accounts.as(auditor)).with(csrf()))
                .andExpect(redirectedUrl("/system/audit"))
                .andExpect(flash().attribute("verified", true))
                .andExpect(flash().attribute("brokenAt", (Object) null));
        mvc.perform(get("/system/audit").param("from", "not-a-date").with(accounts.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式不正确")));
    }

    @Test
    void aSixthLoginWithTheRightPasswordFailsOnceFiveWereWrong() throws Exception {
        String user = accounts.create("member", EnumSet.of(Role.MEMBER), null);
        lockOut(user);
        mvc.perform(formLogin("/login").user(user).password(TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").param("error", "locked"))
                .andExpect(content().string(containsString("该账号因多次密码错误已被锁定")));
        assertThat(repository.findByUsernameIgnoreCase(user).orElseThrow().getLockedUntil()).isNotNull();
    }

    @Test
    void theSecurityAdminUnlocksALockedAccount() throws Exception {
        String user = accounts.create("member", EnumSet.of(Role.MEMBER), null);
        String security = accounts.create("secadm", EnumSet.of(Role.SECURITY_ADMIN), null);
        lockOut(user);
        long id = repository.findByUsernameIgnoreCase(user).orElseThrow().getId();
        mvc.perform(get("/system/security").param("q", user).with(accounts.as(security)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已锁定")))
                .andExpect(content().string(containsString("id=\"unlock-" + id + "\"")));
        mvc.perform(post("/system/security/{id}/unlock", id).with(accounts.as(security)).with(csrf()))
                .andExpect(redirectedUrl("/system/security"));
        mvc.perform(formLogin("/login").user(user).password(TestAccounts.PASSWORD)).andExpect(redirectedUrl("/"));
        // the system admin may not unlock
        mvc.perform(post("/system/security/{id}/unlock", id).with(accounts.as(org.admin())).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSecurityAdminResetsAPasswordShownOnce() throws Exception {
        String user = accounts.create("member", EnumSet.of(Role.MEMBER), null);
        String security = accounts.create("secadm", EnumSet.of(Role.SECURITY_ADMIN), null);
        long id = repository.findByUsernameIgnoreCase(user).orElseThrow().getId();
        MvcResult reset = mvc.perform(post("/system/security/{id}/reset-password", id).with(accounts.as(security))
                        .with(csrf()))
                .andExpect(redirectedUrl("/system/security")).andReturn();
        String password = (String) reset.getFlashMap().get("issuedPassword");
        assertThat(password).hasSize(14);
        mvc.perform(get("/system/security").with(accounts.as(security)).flashAttrs(reset.getFlashMap()))
                .andExpect(content().string(containsString(password)));
        mvc.perform(formLogin("/login").user(user).password(TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin("/login").user(user).password(password)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() throws Exception {
        String user = accounts.create("member", EnumSet.of(Role.MEMBER), null);
        String hashBefore = repository.findByUsernameIgnoreCase(user).orElseThrow().getPasswordHash();
        mvc.perform(post("/me/password").with(accounts.as(user)).with(csrf())
                        .param("currentPassword", "Not-The-Passw0rd")
                        .param("newPassword", "Brand-New-Passw0rd")
                        .param("repeatPassword", "Brand-New-Passw0rd"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当前密码不正确")));
        assertThat(repository.findByUsernameIgnoreCase(user).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);
        mvc.perform(formLogin("/login").user(user).password(TestAccounts.PASSWORD)).andExpect(redirectedUrl("/"));

        mvc.perform(post("/me/password").with(accounts.as(user)).with(csrf()).header("Accept-Language", "en")
                        .param("lang", "en")
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "Brand-New-Passw0rd")
                        .param("repeatPassword", "Something-else-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The two passwords do not match")));
        assertThat(repository.findByUsernameIgnoreCase(user).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);

        mvc.perform(post("/me/password").with(accounts.as(user)).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "Brand-New-Passw0rd")
                        .param("repeatPassword", "Brand-New-Passw0rd"))
                .andExpect(redirectedUrl("/me/password"));
        mvc.perform(formLogin("/login").user(user).password("Brand-New-Passw0rd")).andExpect(redirectedUrl("/"));
    }

    @Test
    void theSystemAdminOpensAnAccountWithAGeneratedPassword() throws Exception {
        var dept = org.department();
        String username = "new-" + System.nanoTime();
        MvcResult created = mvc.perform(post("/system/accounts").with(accounts.as(org.admin())).with(csrf())
                        .param("username", username).param("displayName", "张三")
                        .param("roles", "BRANCH_SECRETARY").param("scopeOrgUnitId", String.valueOf(dept.studentsBranch().id()))
                        .param("password", ""))
                .andExpect(redirectedUrl("/system/accounts?q=" + username)).andReturn();
        String password = (String) created.getFlashMap().get("issuedPassword");
        assertThat(password).isNotBlank();
        mvc.perform(get("/system/accounts").param("q", username).with(accounts.as(org.admin())))
                .andExpect(content().string(containsString("共 1 条")))
                .andExpect(content().string(containsString("支部书记")))
                .andExpect(content().string(containsString(dept.studentsBranch().name())))
                .andExpect(content().string(not(containsString(password))));
        mvc.perform(formLogin("/login").user(username).password(password)).andExpect(redirectedUrl("/"));
        Account account = repository.findByUsernameIgnoreCase(username).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.BRANCH_SECRETARY);
        assertThat(account.getScopeOrgUnitId()).isEqualTo(dept.studentsBranch().id());
    }

    @Test
    void theSystemAdminCannotCombineOfficerRolesNorAppointASecondAuditor() throws Exception {
        accounts.create("auditor", EnumSet.of(Role.AUDITOR), null);
        String username = "combo-" + System.nanoTime();
        mvc.perform(post("/system/accounts").with(accounts.as(org.admin())).with(csrf())
                        .param("username", username).param("roles", "SYSTEM_ADMIN", "AUDITOR").param("scopeOrgUnitId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("三权分立")));
        mvc.perform(post("/system/accounts").with(accounts.as(org.admin())).with(csrf())
                        .param("username", username).param("roles", "AUDITOR").param("scopeOrgUnitId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("由安全管理员任命")));
        assertThat(repository.findByUsernameIgnoreCase(username)).isEmpty();
    }

    @Test
    void tokensPageShowsANewSecretOnceAndRevokes() throws Exception {
        String user = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), org.department().studentsBranch().id());
        MvcResult created = mvc.perform(post("/me/tokens").with(accounts.as(user)).with(csrf())
                        .param("name", "同步脚本").param("validDays", "30"))
                .andExpect(redirectedUrl("/me/tokens")).andReturn();
        String secret = (String) created.getFlashMap().get("issuedSecret");
        assertThat(secret).startsWith("hx_");
        mvc.perform(get("/me/tokens").with(accounts.as(user)).flashAttrs(created.getFlashMap()))
                .andExpect(content().string(containsString(secret)))
                .andExpect(content().string(containsString("data-copy=\"#issued-token\"")))
                .andExpect(content().string(containsString("有效")));
        mvc.perform(get("/me/tokens").with(accounts.as(user)))
                .andExpect(content().string(not(containsString(secret))));
        mvc.perform(post("/me/tokens").with(accounts.as(user)).with(csrf()).param("name", "x").param("validDays", "abc"))
                .andExpect(flash().attribute("formError", containsString("1 到 3650")));
        mvc.perform(post("/me/tokens").with(accounts.as(user))
                        .param("name", "no csrf").param("validDays", "3"))
                .andExpect(status().isForbidden());
        String member = accounts.create("member", EnumSet.of(Role.MEMBER), null);
        mvc.perform(get("/me/tokens").with(accounts.as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/me/password").with(accounts.as(member))).andExpect(status().isOk());
    }

    private void lockOut(String username) throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("wrong-password-" + i))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
    }
}
