package cn.hongxin.brand;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AccountService;
import cn.hongxin.setup.SetupForm;
import cn.hongxin.setup.SetupService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh demo (first-run setup with the demo department, on a database of its own) holds the article's programme:
 * the default template loaded as the brand of the demo general branch, every unit and window found.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:brand-demo;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultProgrammeDemoTests {

    static final String PASSWORD = "Setup-Passw0rd!";

    @Autowired
    SetupService setup;
    @Autowired
    AccountService accounts;
    @Autowired
    OrgUnitService units;
    @Autowired
    ProgrammeCatalog catalog;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    BrandService brands;

    List<OrgUnitView> tree;

    @BeforeAll
    void loadDemo() {
        setup.run(new SetupForm("某某医科大学委员会", "admin", "管理员", PASSWORD, PASSWORD, true));
        tree = accounts.runAs("admin", units::tree);
    }

    @Test
    void theDemoHasTheArticles4_3_2_10AtTheRightLevels() {
        List<MeasureDefinition> measures = catalog.measures();
        Map<String, Long> byLevel = measures.stream()
                .collect(Collectors.groupingBy(MeasureDefinition::level, Collectors.counting()));
        assertThat(byLevel).containsExactlyInAnyOrderEntriesOf(
                Map.of("GENERAL_BRANCH", 7L, "TEACHERS_BRANCH", 2L, "STUDENTS_BRANCH", 10L));
        Map<String, Long> generalBranch = measures.stream().filter(m -> m.level().equals("GENERAL_BRANCH"))
                .collect(Collectors.groupingBy(MeasureDefinition::category, Collectors.counting()));
        assertThat(generalBranch).containsExactlyInAnyOrderEntriesOf(Map.of("MEETINGS", 4L, "CARRIERS", 3L));
        assertThat(measures).extracting(MeasureDefinition::nameZh).contains("定期议党会议", "专题议党会议", "民主生活会",
                "党政联席会议", "一个微信平台", "一份党建工作简报", "一个“周三讲堂”", "党员“一带一帮一”工程",
                "“健康你我他”工程", "读一本红色书籍", "制一份红色手抄报", "讲一堂党课", "唱红色歌曲", "举办红色征文",
                "诵中华传统诗文", "祭扫烈士墓", "中华礼仪表演大赛", "开展健身运动", "志愿服务队");
        // Every measure keeps every requirement: the demo holds every unit the template names.
        assertThat(measures).allSatisfy(m -> assertThat(m.requirements()).isNotEmpty());
        assertThat(measures.stream().mapToInt(m -> m.requirements().size()).sum()).isEqualTo(22);
    }

    @Test
    void theBrandBelongsToTheDemoGeneralBranchAndScopesPointAtItsBranches() {
        OrgUnitView general = tree.stream().filter(u -> u.unitType() == OrgUnitType.GENERAL_BRANCH).findFirst()
                .orElseThrow();
        OrgUnitView students = tree.stream().filter(u -> u.branchKind() == BranchKind.STUDENTS).findFirst().orElseThrow();
        OrgUnitView teachers = tree.stream().filter(u -> u.branchKind() == BranchKind.TEACHERS).findFirst().orElseThrow();
        List<MeasureDefinition> measures = catalog.measures();
        assertThat(measures).allSatisfy(m -> assertThat(catalog.owningUnitOf(m.id())).isEqualTo(general.id()));
        Map<String, RequirementDefinition> r = measures.stream().flatMap(m -> m.requirements().stream())
                .collect(Collectors.toMap(RequirementDefinition::code, x -> x));
        assertThat(r.get("RED_BOOK_NOTE_SEMESTER").scope().orgUnitId()).isEqualTo(students.id());
        assertThat(r.get("VOLUNTEER_HOURS_SEMESTER").scope().orgUnitId()).isEqualTo(students.id());
        assertThat(r.get("HELP_RECORDS_MONTHLY").scope().orgUnitId()).isEqualTo(teachers.id());
        assertThat(r.get("HEALTH_TALKS_SEMESTER").scope().orgUnitId()).isEqualTo(teachers.id());
        assertThat(r.get("LEADER_LECTURE_SEMESTER").scope().orgUnitId()).isNull();
        assertThat(r.get("POSTER_JULY_FIRST").window().code()).isEqualTo("JULY_FIRST");

        BrandView brand = accounts.runAs("admin", () -> brands.presented()).orElseThrow();
        assertThat(brand.name()).isEqualTo("红心向党，倾情医教");
        assertThat(brand.owningUnitName()).isEqualTo(general.name());
        assertThat(brand.connotationParagraphs()).hasSize(4);
    }

    @Test
    void theDemoProgrammePassesAStrictImportOfItsOwnExport() {
        long brandId = accounts.runAs("admin", () -> brands.presented()).orElseThrow().id();
        String exported = accounts.runAs("admin", () -> programmes.exportYaml(brandId));
        accounts.runAs("admin", () -> programmes.importYaml(brandId, exported));
        assertThat(accounts.runAs("admin", () -> programmes.exportYaml(brandId))).isEqualTo(exported);
        assertThat(catalog.measures()).hasSize(19);
    }
}
