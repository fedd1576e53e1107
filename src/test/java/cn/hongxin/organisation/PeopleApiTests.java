package cn.hongxin.organisation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API under /api/v1: tokens, errors as ProblemDetails, data scope, the OpenAPI document. */
@IntegrationTest
class PeopleApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PersonService people;

    /** First-run setup must run before any account exists, or it never runs in this context. */
    @BeforeEach
    void setUp() {
        org.admin();
    }

    @Test
    void aTokenCreatedWithBasicAuthListsPeopleAsBearer() throws Exception {
        var dept = org.department();
        String staffNo = unique("S");
        accounts.runAs(org.admin(), () -> people.create(PersonServiceTests.student("张伟", null, staffNo, dept)));
        String secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());

        String token = createToken(secretary);
        assertThat(token).startsWith("hx_");

        mvc.perform(get("/api/v1/people").param("q", staffNo).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.content[0].name").value("张伟"))
                .andExpect(jsonPath("$.content[0].idNumberMasked").doesNotExist());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(secretary))
                .andExpect(jsonPath("$.authenticatedBy").value("token"))
                .andExpect(jsonPath("$.permissions", hasItem("org:person:edit")));
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$[0].secret").doesNotExist());
    }

    @Test
    void aTokenCannotCreateAnotherToken() throws Exception {
        String member = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), org.department().studentsBranch().id());
        String token = createToken(member);
        mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"again\",\"validDays\":1}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("token.basicOnly"));
    }

    @Test
    void aWrongOrRevokedTokenAnswers401ProblemDetail() throws Exception {
        mvc.perform(get("/api/v1/people").header("Authorization", "Bearer hx_" + UUID.randomUUID()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        mvc.perform(get("/api/v1/people")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));

        String secretary = accounts.create("bs", EnumSet.of(Role.BRANCH_SECRETARY), org.department().studentsBranch().id());
        String created = mvc.perform(post("/api/v1/tokens").with(httpBasic(secretary, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"sync\",\"validDays\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(created, "$.secret");
        int id = JsonPath.read(created, "$.id");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/tokens/{id}", id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void withoutThePermissionTheAnswerIs403ProblemDetail() throws Exception {
        var dept = org.department();
        String member = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), dept.studentsBranch().id());
        String token = createToken(member);
        mvc.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(personJson("王五", null, unique("S"), dept)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));

        long id = accounts.runAs(org.admin(), () -> people.create(PersonServiceTests.student("赵六", null, unique("S"), dept)));
        String adminToken = createToken(org.admin());
        mvc.perform(post("/api/v1/people/{id}/reveal", id).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void aBranchSecretaryGets404ForAnotherBranchsPerson() throws Exception {
        var dept = org.department();
        long teacher = accounts.runAs(org.admin(), () -> people.create(new PersonForm("王芳", Gender.FEMALE, "汉族", null,
                null, null, null, unique("T"), PersonType.TEACHER, dept.teachingOffice().id(),
                dept.teachersBranch().id(), null, PoliticalStatus.FULL_MEMBER, null, false)));
        String idNumber = idNumber();
        long student = accounts.runAs(org.admin(), () -> people.create(PersonServiceTests.student("刘洋", idNumber,
                unique("S"), dept)));
        String secretary = accounts.create("students-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        String token = createToken(secretary);

        mvc.perform(get("/api/v1/people/{id}", teacher).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(post("/api/v1/people/{id}/reveal", teacher).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people/{id}", student).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumberMasked").value(cn.hongxin.shared.Masking.keep(idNumber, 3, 4)));
        mvc.perform(post("/api/v1/people/{id}/reveal", student).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(idNumber));
        mvc.perform(get("/api/v1/org-units/{id}", dept.teachersBranch().id()).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/org-units").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(dept.studentsBranch().id()))
                .andExpect(jsonPath("$[0].parentId").value(dept.generalBranch().id()));
    }

    @Test
    void aBadIdNumberAnswers400WithFieldErrorsAndSavesNothing() throws Exception {
        var dept = org.department();
        String staffNo = unique("S");
        String token = createToken(org.admin());
        mvc.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(personJson("李娜", "110105194912310021", staffNo, dept)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("提交的内容有误，请检查后重试"))
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        mvc.perform(post("/api/v1/people").header("Authorization", "Bearer " + token).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(personJson("李娜", "110105194912310021", staffNo, dept)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not valid")));
        mvc.perform(get("/api/v1/people").param("q", staffNo).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"李娜\",\"gender\":\"X\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gender"));
    }

    @Test
    void createAnswers201WithLocationAndTheMaskedPerson() throws Exception {
        var dept = org.department();
        String token = createToken(org.admin());
        String idNumber = idNumber();
        String location = mvc.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(personJson("陈静", idNumber, unique("S"), dept)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/people/")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.idNumberMasked").value(cn.hongxin.shared.Masking.keep(idNumber, 3, 4)))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("陈静"));
    }

    @Test
    void concurrentClientsWithOneTokenAllGetTheirPeopleStored() throws Exception {
        var dept = org.department();
        String token = createToken(org.admin());
        String prefix = unique("C");
        int clients = 24;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < clients * 2; i++) {
                String staffNo = prefix + "x" + i;
                calls.add(() -> mvc.perform(post("/api/v1/people").header("Authorization", "Bearer " + token)
                                .contentType(MediaType.APPLICATION_JSON).content(personJson("并发", null, staffNo, dept)))
                        .andReturn().getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201);
        } finally {
            pool.shutdown();
        }
        mvc.perform(get("/api/v1/people").param("q", prefix).param("size", "100").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.totalElements").value(clients * 2));
    }

    @Test
    void theOpenApiDocumentListsThePeopleEndpoints() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Hongxin API"))
                .andExpect(jsonPath("$.paths['/api/v1/people']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/people/{id}/reveal']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
    }

    private String createToken(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic(username, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"test\",\"validDays\":7}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.secret").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.secret");
    }

    private static String personJson(String name, String idNumber, String staffNo, TestOrganisation.Department dept) {
        return """
                {"name":"%s","gender":"MALE",%s"phone":"13812345678","staffNo":"%s","personType":"STUDENT",
                 "adminUnitId":%d,"branchId":%d,"politicalStatus":"LEAGUE_MEMBER"}"""
                .formatted(name, idNumber == null ? "" : "\"idNumber\":\"" + idNumber + "\",", staffNo,
                        dept.clazz().id(), dept.studentsBranch().id());
    }

    /** A valid, random resident ID number (born 1990-2009 in Beijing Xicheng). */
    static String idNumber() {
        java.util.Random r = new java.util.Random();
        String first17 = "110102" + (1990 + r.nextInt(20)) + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                + String.format("%03d", r.nextInt(1000));
        return first17 + cn.hongxin.shared.ResidentIdNumber.checkCharacter(first17);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
