package cn.hongxin.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's parsing rules and its message bundles, without Spring. */
class PeopleImportRulesTests {

    @Test
    void datesAreReadInTheUsualChineseWays() {
        LocalDate expected = LocalDate.of(2001, 9, 1);
        for (String text : List.of("2001-09-01", "2001-9-1", "2001/9/1", "2001.09.01", "2001年9月1日", "20010901",
                "2001-09-01 00:00:00")) {
            assertThat(PersonImporter.parseDate(text)).as(text).isEqualTo(expected);
        }
        for (String text : List.of("2001-13-01", "2001-02-30", "01/09/2001", "九月", "37135")) {
            assertThat(PersonImporter.parseDate(text)).as(text).isNull();
        }
        assertThat(ImportSheetReader.serialDate(37135, false)).isEqualTo(expected);
    }

    @Test
    void headersAreMatchedWithoutStarsHintsOrFullWidthForms() {
        assertThat(ImportColumn.normaliseHeader("人员类别*(教职工/学生)")).isEqualTo("人员类别");
        assertThat(ImportColumn.normaliseHeader(" 人员类别＊（教职工/学生） ")).isEqualTo("人员类别");
        assertThat(ImportColumn.normaliseHeader("Party leader (Yes/No)")).isEqualTo("partyleader");
    }

    @Test
    void unitsAreFoundByNameOrByParentAndName() {
        OrgUnit dept1 = unit(1L, null, "/1/", "临床医学系", OrgUnitType.DEPARTMENT);
        OrgUnit dept2 = unit(2L, null, "/2/", "口腔医学系", OrgUnitType.DEPARTMENT);
        OrgUnit class1 = unit(3L, 1L, "/1/3/", "2024级1班", OrgUnitType.CLASS);
        OrgUnit class2 = unit(4L, 2L, "/2/4/", "2024级1班", OrgUnitType.CLASS);
        OrgUnit office = unit(5L, 1L, "/1/5/", "内科学（一）教研室", OrgUnitType.TEACHING_OFFICE);
        ImportUnitIndex index = new ImportUnitIndex(List.of(dept1, dept2, class1, class2, office));
        var types = PersonImporter.ADMIN_UNIT_TYPES;
        assertThat(index.find("2024级1班", types, null).outcome()).isEqualTo(ImportUnitIndex.Outcome.AMBIGUOUS);
        assertThat(index.find("口腔医学系/2024级1班", types, null).unit()).isSameAs(class2);
        assertThat(index.find("内科学(一)教研室", types, null).unit()).isSameAs(office);
        assertThat(index.find("临床医学系", types, null).outcome()).isEqualTo(ImportUnitIndex.Outcome.NOT_FOUND);
        assertThat(index.find("2024级1班", types, "/1/").unit()).isSameAs(class1);
        assertThat(index.unambiguousName(class1, types)).isEqualTo("临床医学系/2024级1班");
        assertThat(index.unambiguousName(office, types)).isEqualTo("内科学（一）教研室");
    }

    @Test
    void bothBundlesHoldTheSameKeysAndEveryKeyTheImportNeeds() throws IOException {
        Properties zh = bundle("i18n/people-import.properties");
        Properties en = bundle("i18n/people-import_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        for (ImportColumn c : ImportColumn.values()) {
            assertThat(zh).containsKeys(c.labelKey(), c.noteKey(), c.exampleKey());
        }
        for (ImportColumn c : List.of(ImportColumn.GENDER, ImportColumn.PERSON_TYPE, ImportColumn.POLITICAL_STATUS,
                ImportColumn.PARTY_LEADER)) {
            assertThat(zh).containsKeys("import.value.unknown." + c.name(), "import.template.validation." + c.name());
        }
        for (ImportColumn c : List.of(ImportColumn.ADMIN_UNIT, ImportColumn.BRANCH, ImportColumn.PARTY_GROUP)) {
            assertThat(zh).containsKeys("import.unit.notFound." + c.name(), "import.template.validation." + c.name());
        }
        for (ImportJob.Phase p : ImportJob.Phase.values()) {
            assertThat(zh).containsKey("import.phase." + p.name());
        }
        for (String ruleKey : List.of("validation.required", "validation.tooLong", "idnumber.invalid.format",
                "idnumber.invalid.birth_date", "idnumber.invalid.checksum", "person.phone.invalid",
                "person.email.invalid", "person.staffNo.invalid", "person.birthDate.invalid",
                "person.statusSince.future", "person.birthDate.mismatch")) {
            assertThat(zh).containsKey("import.rule." + ruleKey);
        }
    }

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PeopleImportRulesTests.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static OrgUnit unit(Long id, Long parentId, String path, String name, OrgUnitType type) {
        OrgUnit u = new OrgUnit(parentId, name, null, type, null, 0, null);
        org.springframework.test.util.ReflectionTestUtils.setField(u, "id", id);
        org.springframework.test.util.ReflectionTestUtils.setField(u, "path", path);
        return u;
    }
}
