package cn.hongxin.brand;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /api/v1/brand and /api/v1/programmes: the tree as JSON, the file as application/yaml, refusals as ProblemDetails. */
@IntegrationTest
class ProgrammeApiTests {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    BrandFixtures fixtures;
    @Autowired
    ProgrammeService programmes;

    @BeforeEach
    void setUp() {
        org.admin();
    }

    @Test
    void theTreeAndTheFileAreReadAndAFileReplacesTheProgramme() throws Exception {
        BrandFixtures.Branded b = fixtures.branded();
        String secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), b.department().generalBranch().id());
        String basic = TestAccounts.PASSWORD;
        mvc.perform(get("/api/v1/programmes/" + b.brandId()).with(httpBasic(secretary, basic)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.brand.name").value("红心向党，倾情医教"))
                .andExpect(jsonPath("$.measures.length()").value(19))
                .andExpect(jsonPath("$.measures[0].code").value("REGULAR_PARTY_MEETING"))
                .andExpect(jsonPath("$.measures[0].requirements[0].period").value("MONTH"))
                .andExpect(jsonPath("$.measures[0].requirements[0].evidence[0].kind").value("EVENT_HELD"));
        String yaml = mvc.perform(get("/api/v1/programmes/" + b.brandId()).accept(YAML).with(httpBasic(secretary, basic)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(YAML))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(yaml).isEqualTo(accounts.runAs(secretary, () -> programmes.exportYaml(b.brandId())));

        String changed = yaml.replace("threshold: 4\n", "threshold: 5\n");
        mvc.perform(put("/api/v1/programmes/" + b.brandId()).contentType(YAML)
                        .content(changed.getBytes(StandardCharsets.UTF_8)).with(httpBasic(secretary, basic)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures.length()").value(19));
        assertThat(accounts.runAs(secretary, () -> programmes.exportYaml(b.brandId()))).isEqualTo(changed);

        mvc.perform(get("/api/v1/brand/" + b.brandId()).with(httpBasic(secretary, basic)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slogan").value("撸起袖子加油干 我为党旗添光彩"))
                .andExpect(jsonPath("$.owningUnitId").value(b.department().generalBranch().id()));
        mvc.perform(put("/api/v1/brand/" + b.brandId()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"红心向党\",\"slogan\":\"口号\",\"active\":false}")
                        .with(httpBasic(secretary, basic)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("红心向党"));
    }

    @Test
    void aBadFileIsAProblemDetailWithOneErrorPerLineInTheCallersLanguage() throws Exception {
        BrandFixtures.Branded b = fixtures.branded();
        String secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), b.department().generalBranch().id());
        String before = accounts.runAs(secretary, () -> programmes.exportYaml(b.brandId()));
        String bad = before.replace("period: SEMESTER\n        evidence:\n          - kind: LECTURE_GIVEN",
                        "period: TERM\n        evidence:\n          - kind: LECTURE_GIVEN")
                .replace("- code: ETIQUETTE\n", "- code: RED_ESSAY\n");
        int term = ProgrammeYamlTests.lineOf(bad, "period: TERM");
        int duplicate = bad.substring(0, bad.lastIndexOf("- code: RED_ESSAY\n")).split("\n", -1).length;
        int first = ProgrammeYamlTests.lineOf(bad, "- code: RED_ESSAY\n");
        mvc.perform(put("/api/v1/programmes/" + b.brandId()).contentType(YAML)
                        .content(bad.getBytes(StandardCharsets.UTF_8)).with(httpBasic(secretary, TestAccounts.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("line:" + term))
                .andExpect(jsonPath("$.errors[0].message").value("第" + term + "行：未知的周期 “TERM”"))
                .andExpect(jsonPath("$.errors[1].message")
                        .value("第" + duplicate + "行：编码“RED_ESSAY”重复（第" + first + "行已使用）"));
        mvc.perform(put("/api/v1/programmes/" + b.brandId()).contentType(YAML).header("Accept-Language", "en")
                        .content(bad.getBytes(StandardCharsets.UTF_8)).with(httpBasic(secretary, TestAccounts.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Line " + term + ": Unknown period \"TERM\""));
        assertThat(accounts.runAs(secretary, () -> programmes.exportYaml(b.brandId()))).isEqualTo(before);
    }

    @Test
    void aStudentReadsTheBrandButNotTheProgramme() throws Exception {
        BrandFixtures.Branded b = fixtures.branded();
        String student = accounts.create("stu", EnumSet.of(Role.MEMBER), b.department().studentsBranch().id());
        mvc.perform(get("/api/v1/brand/" + b.brandId()).with(httpBasic(student, TestAccounts.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/programmes/" + b.brandId()).with(httpBasic(student, TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/programmes/" + b.brandId()).contentType(YAML).content("format: x")
                        .with(httpBasic(student, TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOpenApiDocumentListsTheBrandAndProgrammeEndpoints() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/brand']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/programmes/{brandId}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/programmes/{brandId}'].put").exists());
    }
}
