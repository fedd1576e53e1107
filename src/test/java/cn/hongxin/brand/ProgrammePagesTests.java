package cn.hongxin.brand;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The brand page, the programme tree with its dialogs, the file import and export, and who may do what. */
@IntegrationTest
class ProgrammePagesTests {

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
    @Autowired
    BrandService brands;

    @BeforeEach
    void setUp() {
        org.admin();
    }

    @Test
    void theSecretarySeesTheProgrammeTreeAndEditsARequirementInItsDialog() throws Exception {
        BrandFixtures.Branded b = fixtures.branded();
        String secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), b.department().generalBranch().id());
        String url = "/brand/" + b.brandId() + "/programme";
        mvc.perform(get(url).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("党总支层面")))
                .andExpect(content().string(containsString("开好四个会")))
                .andExpect(content().string(containsString("“十项”行动")))
                .andExpect(content().string(containsString("定期议党会议")))
                .andExpect(content().string(containsString("每人每学期提交一篇红色书籍读书笔记")))
                .andExpect(content().string(containsString("id=\"measure-add\"")));

        long measureId = accounts.runAs(secretary, () -> programmes.programme(b.brandId())).measures().stream()
                .filter(m -> m.code().equals("RED_BOOK")).findFirst().orElseThrow().id();
        mvc.perform(get(url).param("newRequirement", String.valueOf(measureId)).with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"requirement-modal\"")));

        // Refused: every field with its message, the dialog shown again, nothing saved.
        mvc.perform(post(url + "/requirements").with(accounts.as(secretary)).with(csrf())
                        .param("measureId", String.valueOf(measureId)).param("code", "RED_BOOK_NOTE_SEMESTER")
                        .param("nameZh", "").param("nameEn", "x").param("subject", "PERSON")
                        .param("quantity", "COUNT").param("threshold", "abc").param("period", "SEMESTER")
                        .param("evidenceKind", "").param("evidenceType", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"requirement-modal\"")))
                .andExpect(content().string(containsString("data-autoshow=\"true\"")))
                .andExpect(content().string(containsString("请输入数字，最多保留两位小数。")));
        mvc.perform(post(url + "/requirements").with(accounts.as(secretary)).with(csrf())
                        .param("measureId", String.valueOf(measureId)).param("code", "RED_BOOK_NOTE_SEMESTER")
                        .param("nameZh", "").param("nameEn", "x").param("subject", "PERSON")
                        .param("quantity", "COUNT").param("threshold", "0").param("period", "SEMESTER")
                        .param("evidenceKind", "").param("evidenceType", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该编码已被使用，请换一个。")))
                .andExpect(content().string(containsString("数量要求必须大于 0。")))
                .andExpect(content().string(containsString("至少选择一项证据。")));

        // Saved, with the unknown window as a warning after the redirect.
        mvc.perform(post(url + "/requirements").with(accounts.as(secretary)).with(csrf())
                        .param("measureId", String.valueOf(measureId)).param("code", "RED_BOOK_SECOND")
                        .param("nameZh", "第二本书").param("nameEn", "A second book").param("subject", "PERSON")
                        .param("unit", "STUDENTS_BRANCH").param("personTypes", "STUDENT")
                        .param("politicalStatuses", "FULL_MEMBER", "ACTIVIST")
                        .param("quantity", "COUNT").param("threshold", "1").param("period", "YEAR")
                        .param("window", "NO_SUCH_WINDOW")
                        .param("evidenceKind", "SUBMISSION_VERIFIED", "").param("evidenceType", "READING_NOTE", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(url));
        RequirementView saved = accounts.runAs(secretary, () -> programmes.programme(b.brandId())).measures().stream()
                .flatMap(m -> m.requirements().stream()).filter(r -> r.code().equals("RED_BOOK_SECOND")).findFirst()
                .orElseThrow();
        assertThat(saved.unitId()).isEqualTo(b.department().studentsBranch().id());
        assertThat(saved.windowCode()).isEqualTo("NO_SUCH_WINDOW");
        assertThat(saved.politicalStatuses()).hasSize(2);
    }

    @Test
    void aStudentSeesTheBrandButNeitherTheProgrammeNorItsEditing() throws Exception {
        BrandFixtures.Branded b = fixtures.branded();
        String student = accounts.create("stu", EnumSet.of(Role.MEMBER), b.department().studentsBranch().id());
        mvc.perform(get("/brand/" + b.brandId()).with(accounts.as(student)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("红心向党，倾情医教")))
                .andExpect(content().string(containsString("撸起袖子加油干 我为党旗添光彩")))
                .andExpect(content().string(containsString("引路者")))
                .andExpect(content().string(not(containsString("id=\"brand-edit\""))));
        mvc.perform(get("/brand").with(accounts.as(student))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"brand-hero\"")));
        mvc.perform(get("/").with(accounts.as(student))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"brand-banner\"")));
        mvc.perform(get("/brand/" + b.brandId() + "/programme").with(accounts.as(student)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/brand/" + b.brandId() + "/edit").with(accounts.as(student)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/brand/" + b.brandId()).with(accounts.as(student)).with(csrf()).param("name", "改名"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/brand/" + b.brandId() + "/programme/measures").with(accounts.as(student)).with(csrf())
                        .param("code", "X").param("nameZh", "x").param("nameEn", "x").param("level", "A")
                        .param("category", "B"))
                .andExpect(status().isForbidden());
        assertThat(accounts.runAs(org.admin(), () -> brands.get(b.brandId())).name()).isEqualTo("红心向党，倾情医教");
    }

    @Test
    void theBrandIsEditedWithItsLogoAndABlankNameIsRefused() throws Exception {
        BrandFixtures.Branded b = fixtures.branded();
        String secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), b.department().generalBranch().id());
        mvc.perform(get("/brand/" + b.brandId() + "/edit").with(accounts.as(secretary))).andExpect(status().isOk());
        mvc.perform(post("/brand/" + b.brandId()).with(accounts.as(secretary)).with(csrf())
                        .param("name", " ").param("slogan", "口号"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("品牌信息未保存")));
        mvc.perform(post("/brand/" + b.brandId()).with(accounts.as(secretary)).with(csrf())
                        .param("name", "红心向党").param("slogan", "新口号").param("concept", "理念")
                        .param("connotation", "第一段\n第二段"))
                .andExpect(status().is3xxRedirection());
        BrandView after = accounts.runAs(secretary, () -> brands.get(b.brandId()));
        assertThat(after.slogan()).isEqualTo("新口号");
        assertThat(after.active()).isFalse();

        mvc.perform(multipart("/brand/" + b.brandId() + "/logo")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", png()))
                        .with(accounts.as(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Long logo = accounts.runAs(secretary, () -> brands.get(b.brandId())).logoFileId();
        assertThat(logo).isNotNull();
        mvc.perform(get("/files/" + logo + "/thumbnail").with(accounts.as(secretary))).andExpect(status().isOk());
        mvc.perform(multipart("/brand/" + b.brandId() + "/logo")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", "not an image".getBytes()))
                        .with(accounts.as(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(secretary, () -> brands.get(b.brandId())).logoFileId()).isEqualTo(logo);
    }

    @Test
    void theFileIsExportedAndABadImportListsItsLinesAndChangesNothing() throws Exception {
        BrandFixtures.Branded b = fixtures.branded();
        String secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), b.department().generalBranch().id());
        String url = "/brand/" + b.brandId() + "/programme";
        String exported = mvc.perform(get(url + ".yaml").with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/yaml")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported).startsWith("format: hongxin-programme/1");

        String bad = exported.replace("kind: HELP_RECORD", "kind: ATTENDANCE_X");
        int line = ProgrammeYamlTests.lineOf(bad, "ATTENDANCE_X");
        mvc.perform(multipart(url + "/import")
                        .file(new MockMultipartFile("file", "p.yaml", "application/yaml", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(accounts.as(secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("第" + line + "行：未知的证据类型 “ATTENDANCE_X”")));
        assertThat(accounts.runAs(secretary, () -> programmes.exportYaml(b.brandId()))).isEqualTo(exported);

        String changed = exported.replace("threshold: 16", "threshold: 18");
        mvc.perform(multipart(url + "/import")
                        .file(new MockMultipartFile("file", "p.yaml", "application/yaml", changed.getBytes(StandardCharsets.UTF_8)))
                        .with(accounts.as(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(secretary, () -> programmes.exportYaml(b.brandId()))).isEqualTo(changed);
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 4));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
