package cn.hongxin.brand;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The programme as data: import of the default template, round trip, refusals, edits, permissions, the catalog. */
@IntegrationTest
class ProgrammeServiceTests {

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
    @Autowired
    ProgrammeCatalog catalog;
    @Autowired
    MessageSource messages;

    @BeforeEach
    void setUp() {
        org.admin();
    }

    @Test
    void theDefaultTemplateResolvesItsUnitsInTheDepartmentItIsLoadedInto() {
        BrandFixtures.Branded b = fixtures.branded();
        ProgrammeView p = accounts.runAs(org.admin(), () -> programmes.programme(b.brandId()));
        assertThat(p.brand().owningUnitId()).isEqualTo(b.department().generalBranch().id());
        assertThat(p.levels()).extracting(ProgrammeView.Level::code)
                .containsExactly("GENERAL_BRANCH", "TEACHERS_BRANCH", "STUDENTS_BRANCH");
        assertThat(p.levels()).extracting(ProgrammeView.Level::measureCount).containsExactly(7, 2, 10);
        assertThat(p.levels().get(0).categories()).extracting(c -> c.code() + "=" + c.measures().size())
                .containsExactly("MEETINGS=4", "CARRIERS=3");
        Map<String, RequirementView> r = requirements(p);
        assertThat(r.get("RED_BOOK_NOTE_SEMESTER").unitId()).isEqualTo(b.department().studentsBranch().id());
        assertThat(r.get("HELP_RECORDS_MONTHLY").unitId()).isEqualTo(b.department().teachersBranch().id());
        assertThat(r.get("REGULAR_PARTY_MEETING_MONTHLY").unitRef()).isNull();
        assertThat(r.values()).noneMatch(RequirementView::unresolved);

        // The catalog gives the contract's records: scope units resolved, a null unit meaning the owning unit.
        RequirementDefinition book = catalog.requirement(r.get("RED_BOOK_NOTE_SEMESTER").id()).orElseThrow();
        assertThat(book.scope().orgUnitId()).isEqualTo(b.department().studentsBranch().id());
        assertThat(book.scope().personTypes()).containsExactly(PersonType.STUDENT);
        assertThat(book.evidence()).containsExactly(new EvidenceSelector(EvidenceKind.SUBMISSION_VERIFIED, "READING_NOTE"));
        RequirementDefinition poster = catalog.requirement(r.get("POSTER_OCTOBER_FIRST").id()).orElseThrow();
        assertThat(poster.window()).isEqualTo(new NamedWindow("OCTOBER_FIRST"));
        assertThat(catalog.requirement(r.get("REGULAR_PARTY_MEETING_MONTHLY").id()).orElseThrow().scope().orgUnitId())
                .isNull();
        assertThat(catalog.owningUnitOf(r.get("RED_BOOK_NOTE_SEMESTER").measureId()))
                .isEqualTo(b.department().generalBranch().id());
    }

    @Test
    void exportImportExportGivesTheSameText() {
        BrandFixtures.Branded b = fixtures.branded();
        String first = accounts.runAs(org.admin(), () -> programmes.exportYaml(b.brandId()));
        accounts.runAs(org.admin(), () -> programmes.importYaml(b.brandId(), first));
        String second = accounts.runAs(org.admin(), () -> programmes.exportYaml(b.brandId()));
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("owner: GENERAL_BRANCH", "unit: STUDENTS_BRANCH", "window: JULY_FIRST");
    }

    @Test
    void aMalformedFileIsRefusedWholeWithLinesAndChangesNothing() {
        BrandFixtures.Branded b = fixtures.branded();
        String before = accounts.runAs(org.admin(), () -> programmes.exportYaml(b.brandId()));
        String bad = before.replace("name: 测试品牌", "name: 改过的名字")
                .replace("window: OCTOBER_FIRST", "window: NATIONAL_DAY_X")
                .replace("type: HEALTH_TALK", "type: HEALTH_TALK_X")
                .replace("unit: TEACHERS_BRANCH", "unit: 不存在的支部");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.runAs(org.admin(), () -> programmes.importYaml(b.brandId(), bad)));
        assertThat(e).isNotNull();
        List<String> texts = e.problems().stream().map(this::chinese).toList();
        // One problem per place: the unit appears in the three requirements of the teachers' branch.
        assertThat(texts).contains(
                "第" + line(bad, "NATIONAL_DAY_X") + "行：校历中没有时间窗口“NATIONAL_DAY_X”",
                "第" + line(bad, "HEALTH_TALK_X") + "行：未知的类型编码“HEALTH_TALK_X”",
                "第" + line(bad, "不存在的支部") + "行：本组织中找不到组织“不存在的支部”");
        assertThat(texts).hasSize(5).isSortedAccordingTo(java.util.Comparator.comparingInt(ProgrammeServiceTests::lineNumber));
        assertThat(accounts.runAs(org.admin(), () -> programmes.exportYaml(b.brandId()))).isEqualTo(before);

        InvalidInputException syntax = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.runAs(org.admin(), () -> programmes.importYaml(b.brandId(),
                        before.replace("measures:\n", "measures:\n  bad: [\n"))));
        assertThat(syntax.problems()).hasSize(1);
        assertThat(chinese(syntax.problems().get(0))).startsWith("第").contains("YAML 格式错误");
        assertThat(accounts.runAs(org.admin(), () -> programmes.exportYaml(b.brandId()))).isEqualTo(before);
    }

    @Test
    void requirementEditsAreCheckedFieldByField() {
        BrandFixtures.Branded b = fixtures.branded();
        ProgrammeView p = accounts.runAs(org.admin(), () -> programmes.programme(b.brandId()));
        long measureId = p.measures().stream().filter(m -> m.code().equals("RED_BOOK")).findFirst().orElseThrow().id();

        RequirementForm bad = new RequirementForm("RED_BOOK_NOTE_SEMESTER", " ", "x", SubjectKind.PERSON, "火星支部",
                Set.of(), Set.of(), Set.of(), QuantityKind.COUNT, BigDecimal.ZERO, PeriodKind.SEMESTER, null,
                List.of("", "EVENT_HELD"), List.of("", "NO_SUCH_TYPE"));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.runAs(org.admin(), () -> programmes.addRequirement(measureId, bad)));
        Map<String, String> byField = e.problems().stream()
                .collect(Collectors.toMap(FieldProblem::field, this::chinese, (x, y) -> x));
        assertThat(byField).containsOnlyKeys("code", "nameZh", "unit", "threshold", "evidence");
        assertThat(byField.get("code")).isEqualTo("该编码已被使用，请换一个。");
        assertThat(byField.get("threshold")).isEqualTo("数量要求必须大于 0。");
        assertThat(byField.get("unit")).isEqualTo("本组织中找不到“火星支部”。");
        assertThat(byField.get("evidence")).isEqualTo("未知的类型编码“NO_SUCH_TYPE”：活动类型和提交类别中都没有。");

        RequirementForm noEvidence = new RequirementForm("RED_BOOK_EXTRA", "额外", "Extra", SubjectKind.PERSON, null,
                Set.of(), Set.of(), Set.of(), QuantityKind.COUNT, BigDecimal.ONE, PeriodKind.SEMESTER, null,
                List.of(""), List.of(""));
        InvalidInputException none = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.runAs(org.admin(), () -> programmes.addRequirement(measureId, noEvidence)));
        assertThat(none.problems()).extracting(FieldProblem::field).containsExactly("evidence");
        assertThat(chinese(none.problems().get(0))).isEqualTo("至少选择一项证据。");

        // A window the calendar lacks is saved with a warning; a good requirement counts at once.
        RequirementForm good = new RequirementForm("RED_BOOK_QINGMING_X", "清明读书", "Reading at Qingming",
                SubjectKind.PERSON, "STUDENTS_BRANCH", EnumSet.of(PoliticalStatus.ACTIVIST), Set.of(),
                EnumSet.of(PersonType.STUDENT), QuantityKind.COUNT, new BigDecimal("2"), PeriodKind.YEAR,
                "NOT_IN_CALENDAR", List.of("SUBMISSION_VERIFIED"), List.of("READING_NOTE"));
        ProgrammeService.Saved saved = accounts.runAs(org.admin(), () -> programmes.addRequirement(measureId, good));
        assertThat(saved.warnings()).extracting(FieldProblem::field).containsExactly("window");
        RequirementDefinition d = catalog.requirement(saved.id()).orElseThrow();
        assertThat(d.scope().orgUnitId()).isEqualTo(b.department().studentsBranch().id());
        assertThat(d.scope().politicalStatuses()).containsExactly(PoliticalStatus.ACTIVIST);
        assertThat(d.threshold()).isEqualByComparingTo("2");

        accounts.runAs(org.admin(), () -> {
            programmes.deleteRequirement(saved.id());
            return null;
        });
        assertThat(catalog.requirement(saved.id())).isEmpty();
    }

    @Test
    void measureEditsAreCheckedAndDeletingAMeasureRemovesItsRequirements() {
        BrandFixtures.Branded b = fixtures.branded();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> accounts.runAs(org.admin(),
                () -> programmes.addMeasure(b.brandId(), new MeasureForm("fitness", "", "Fit", "", "ACTIVITIES", null, null))));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("code", "nameZh", "level");
        InvalidInputException taken = catchThrowableOfType(InvalidInputException.class, () -> accounts.runAs(org.admin(),
                () -> programmes.addMeasure(b.brandId(), new MeasureForm("FITNESS", "健身", "Fit", "STUDENTS_BRANCH",
                        "ACTIVITIES", null, null))));
        assertThat(taken.problems()).extracting(FieldProblem::messageKey).containsExactly("programme.code.taken");

        long id = accounts.runAs(org.admin(), () -> programmes.addMeasure(b.brandId(),
                new MeasureForm("THEMED_DAY", "主题党日", "Themed party day", "STUDENTS_BRANCH", "ACTIVITIES", null, "说明")));
        ProgrammeView p = accounts.runAs(org.admin(), () -> programmes.programme(b.brandId()));
        assertThat(p.measures().get(p.measures().size() - 1).code()).isEqualTo("THEMED_DAY");

        long fitness = p.measures().stream().filter(m -> m.code().equals("FITNESS")).findFirst().orElseThrow().id();
        long fitnessRequirement = p.measures().stream().filter(m -> m.code().equals("FITNESS")).findFirst()
                .orElseThrow().requirements().get(0).id();
        accounts.runAs(org.admin(), () -> {
            programmes.deleteMeasure(fitness);
            programmes.deleteMeasure(id);
            return null;
        });
        ProgrammeView after = accounts.runAs(org.admin(), () -> programmes.programme(b.brandId()));
        assertThat(after.measures()).hasSize(18).noneMatch(m -> m.code().equals("FITNESS"));
        assertThat(catalog.requirement(fitnessRequirement)).isEmpty();
    }

    @Test
    void aStudentCannotEditAndASecretaryOfAnotherDepartmentDoesNotSeeTheBrandToEdit() {
        BrandFixtures.Branded b = fixtures.branded();
        String student = accounts.create("stu", EnumSet.of(Role.MEMBER), b.department().studentsBranch().id());
        assertThatThrownBy(() -> accounts.runAs(student, () -> programmes.importYaml(b.brandId(), "x: 1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(student, () -> programmes.programme(b.brandId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(student, () -> brands.update(b.brandId(),
                new BrandForm("改名", null, null, null, true)))).isInstanceOf(AccessDeniedException.class);
        // Every signed-in account may read the brand itself.
        assertThat(accounts.runAs(student, () -> brands.get(b.brandId())).name()).isEqualTo("红心向党，倾情医教");

        BrandFixtures.Branded other = fixtures.branded();
        String outsider = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), other.department().generalBranch().id());
        assertThatThrownBy(() -> accounts.runAs(outsider, () -> brands.update(b.brandId(),
                new BrandForm("改名", null, null, null, true)))).isInstanceOf(NotFoundException.class);
        String secretary = accounts.create("gs", EnumSet.of(Role.GENERAL_SECRETARY), b.department().generalBranch().id());
        BrandView updated = accounts.runAs(secretary, () -> brands.update(b.brandId(),
                new BrandForm("新名称", "口号", "理念一\n理念二", "内涵一\n\n内涵二", false)));
        assertThat(updated.name()).isEqualTo("新名称");
        assertThat(updated.connotationParagraphs()).containsExactly("内涵一", "内涵二");
    }

    @Test
    void brandTextsAreChecked() {
        BrandFixtures.Branded b = fixtures.branded();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> accounts.runAs(org.admin(),
                () -> brands.update(b.brandId(), new BrandForm(" ", "x".repeat(201), null, null, true))));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("name", "slogan");
    }

    private Map<String, RequirementView> requirements(ProgrammeView p) {
        return p.measures().stream().flatMap(m -> m.requirements().stream())
                .collect(Collectors.toMap(RequirementView::code, r -> r));
    }

    String chinese(FieldProblem p) {
        return messages.getMessage(p.messageKey(), p.args(), java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** The line number a message starts with (第12行：…). */
    static int lineNumber(String message) {
        return Integer.parseInt(message.substring(1, message.indexOf('行')));
    }

    static int line(String text, String needle) {
        return ProgrammeYamlTests.lineOf(text, needle);
    }
}
