package cn.hongxin.security;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.PersonForm;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.support.ApiCalls;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.support.ApiCalls.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/accounts: who may open accounts, what is refused field by field, duplicate usernames. */
@IntegrationTest
class AccountsApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PersonService people;
    @Autowired
    JdbcClient jdbc;

    ApiCalls api;

    @BeforeEach
    void setUp() {
        org.admin();
        api = new ApiCalls(mvc);
    }

    @Test
    void theSystemAdministratorOpensAMemberAccountLinkedToAPersonWhoCanThenSignIn() throws Exception {
        var dept = org.department();
        long person = accounts.runAs(org.admin(), () -> people.create(new PersonForm("李红", Gender.FEMALE, "汉族", null,
                null, null, null, "A" + System.nanoTime(), PersonType.STUDENT, dept.clazz().id(),
                dept.studentsBranch().id(), null, PoliticalStatus.FULL_MEMBER, null, false)));
        String username = name("m");
        mvc.perform(post("/api/v1/accounts").with(api.bearer(org.admin())).contentType(MediaType.APPLICATION_JSON)
                        .content(json(username, "Hongxin-2026!", "[\"MEMBER\"]", null, person)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/accounts/")))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("MEMBER")))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        assertThat(rows(username)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CREATE' and object_type = 'account' "
                + "and detail like ?").param(username + "%").query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "Hongxin-2026!")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.personId").value(person));
    }

    @Test
    void onlyAccountManagersMayCallIt() throws Exception {
        var dept = org.department();
        String secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
        String securityAdmin = accounts.create("sec", EnumSet.of(Role.SECURITY_ADMIN), null);
        String auditor = accounts.create("aud", EnumSet.of(Role.AUDITOR), null);
        String member = accounts.create("mem", EnumSet.of(Role.MEMBER), null);
        String username = name("x");
        String body = json(username, "Hongxin-2026!", "[\"MEMBER\"]", dept.studentsBranch().id(), null);
        for (String caller : new String[] {secretary, securityAdmin, auditor}) {
            mvc.perform(post("/api/v1/accounts").with(api.bearer(caller)).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(403));
        }
        mvc.perform(post("/api/v1/accounts").with(basic(member)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.status").value(401));
        assertThat(rows(username)).isZero();
    }

    @Test
    void badInputIsRefusedFieldByFieldInTheCallersLanguageAndOpensNothing() throws Exception {
        var dept = org.department();
        String admin = org.admin();
        Long scope = dept.studentsBranch().id();

        expectField(json("a b", "Hongxin-2026!", "[\"MEMBER\"]", scope, null), "en", "username",
                "Usernames are 3–64 letters, digits or _ . @ -");
        String weak = name("w");
        expectField(json(weak, "short", "[\"MEMBER\"]", scope, null), "en", "password",
                "The password needs at least 10 characters");
        expectField(json(weak, "hongxinxuexi", "[\"MEMBER\"]", scope, null), "zh", "password",
                "密码需包含大写字母、小写字母、数字、符号（含汉字）中的至少三类（16 位以上至少两类）");
        expectField(json(weak, "Hongxin-2026!", "[]", scope, null), "en", "roles", "Choose at least one role");
        expectField(json(weak, "Hongxin-2026!", "[\"SYSTEM_ADMIN\",\"AUDITOR\"]", scope, null), "en", "roles", null);
        expectField(json(weak, "Hongxin-2026!", "[\"MEMBER\"]", 999_999_999L, null), "en", "scopeOrgUnitId", null);
        // An unknown role or unreadable JSON names the field too.
        mvc.perform(post("/api/v1/accounts").with(api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(weak, "Hongxin-2026!", "[\"KING\"]", scope, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(startsWith("roles")));
        mvc.perform(post("/api/v1/accounts").with(api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(rows(weak)).isZero();
        assertThat(rows("a b")).isZero();

        // A scoped system administrator hands out scopes inside their own subtree only.
        String scopedAdmin = accounts.create("sa", EnumSet.of(Role.SYSTEM_ADMIN), dept.generalBranch().id());
        var other = org.department();
        mvc.perform(post("/api/v1/accounts").with(api.bearer(scopedAdmin)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(weak, "Hongxin-2026!", "[\"BRANCH_SECRETARY\"]", other.studentsBranch().id(), null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scopeOrgUnitId"));
        mvc.perform(post("/api/v1/accounts").with(api.bearer(scopedAdmin)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(weak, "Hongxin-2026!", "[\"BRANCH_SECRETARY\"]", dept.studentsBranch().id(), null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scopeOrgUnitId").value(dept.studentsBranch().id()));
        assertThat(rows(weak)).isEqualTo(1);
    }

    @Test
    void aDuplicateUsernameIsRefusedWhateverItsCase() throws Exception {
        String username = name("dup");
        String admin = org.admin();
        Long scope = org.department().studentsBranch().id();
        mvc.perform(post("/api/v1/accounts").with(api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(username, "Hongxin-2026!", "[\"MEMBER\"]", scope, null)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/accounts").with(api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(username.toUpperCase(), "Other-Passw0rd!", "[\"MEMBER\"]", scope, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].code").value("account.username.taken"))
                .andExpect(jsonPath("$.errors[0].message").value("用户名 " + username.toUpperCase() + " 已被使用"));
        assertThat(jdbc.sql("select count(*) from account where lower(username) = ?").param(username)
                .query(Long.class).single()).isEqualTo(1);
        // The first account keeps its password.
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "Hongxin-2026!")))
                .andExpect(status().isOk());
    }

    @Test
    void parallelRequestsWithHttpBasicOfOneAccountAllSucceed() throws Exception {
        String member = accounts.create("par", EnumSet.of(Role.MEMBER), null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> {
                    go.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return mvc.perform(get("/api/v1/me").with(basic(member))).andReturn().getResponse().getStatus();
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from account where username = ? and last_login_at is not null")
                .param(member).query(Long.class).single()).isEqualTo(1);
    }

    private void expectField(String body, String language, String field, String message) throws Exception {
        var result = mvc.perform(post("/api/v1/accounts").with(api.bearer(org.admin())).header("Accept-Language", language)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        if (message != null) {
            result.andExpect(jsonPath("$.errors[0].message").value(message));
        }
    }

    private static String json(String username, String password, String roles, Long scope, Long personId) {
        return """
                {"username":"%s","password":"%s","displayName":"测试账号","roles":%s,"scopeOrgUnitId":%s,"personId":%s}
                """.formatted(username, password, roles, scope, personId);
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long rows(String username) {
        return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single();
    }
}
