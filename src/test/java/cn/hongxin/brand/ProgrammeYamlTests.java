package cn.hongxin.brand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.hongxin.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The programme file on its own: the default template, the writer's round trip, and line-precise refusals. */
class ProgrammeYamlTests {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/brand", "i18n/messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    static String template() {
        try (InputStream in = ProgrammeYamlTests.class.getClassLoader()
                .getResourceAsStream(ProgrammeService.DEFAULT_TEMPLATE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDefaultTemplateIsTheArticles4_3_2_10() {
        ProgrammeYaml.Doc doc = ProgrammeYaml.read(template());
        assertThat(doc.brand().name()).isEqualTo("红心向党，倾情医教");
        assertThat(doc.brand().slogan()).isEqualTo("撸起袖子加油干 我为党旗添光彩");
        assertThat(doc.brand().owner()).isEqualTo("GENERAL_BRANCH");
        Map<String, Long> byLevelAndCategory = doc.measures().stream().collect(Collectors.groupingBy(
                m -> m.form().level() + "/" + m.form().category(), Collectors.counting()));
        assertThat(byLevelAndCategory).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GENERAL_BRANCH/MEETINGS", 4L, "GENERAL_BRANCH/CARRIERS", 3L,
                "TEACHERS_BRANCH/PROJECTS", 2L, "STUDENTS_BRANCH/ACTIVITIES", 10L));
        assertThat(doc.measures()).extracting(m -> m.form().nameZh()).startsWith(
                "定期议党会议", "专题议党会议", "民主生活会", "党政联席会议", "一个微信平台", "一份党建工作简报", "一个“周三讲堂”");
        assertThat(doc.measures()).allSatisfy(m -> assertThat(m.requirements()).isNotEmpty());

        Map<String, ProgrammeYaml.RequirementDoc> r = doc.measures().stream()
                .flatMap(m -> m.requirements().stream())
                .collect(Collectors.toMap(ProgrammeYaml.RequirementDoc::code, Function.identity()));
        ProgrammeYaml.RequirementDoc book = r.get("RED_BOOK_NOTE_SEMESTER");
        assertThat(book.subject()).isEqualTo(SubjectKind.PERSON);
        assertThat(book.unit()).isEqualTo("STUDENTS_BRANCH");
        assertThat(book.period()).isEqualTo(PeriodKind.SEMESTER);
        assertThat(book.evidence()).containsExactly(new EvidenceSelector(EvidenceKind.SUBMISSION_VERIFIED, "READING_NOTE"));
        assertThat(r.get("POSTER_OCTOBER_FIRST").window()).isEqualTo("OCTOBER_FIRST");
        assertThat(r.get("POSTER_JULY_FIRST").window()).isEqualTo("JULY_FIRST");
        assertThat(r.get("LEADER_LECTURE_SEMESTER").subject()).isEqualTo(SubjectKind.PARTY_LEADER);
        assertThat(r.get("HELP_RECORDS_MONTHLY").threshold()).isEqualByComparingTo("2");
        assertThat(r.get("WECHAT_ARTICLES_MONTHLY").threshold()).isEqualByComparingTo("4");
        assertThat(r.get("VOLUNTEER_HOURS_SEMESTER").quantity()).isEqualTo(QuantityKind.SUM_HOURS);
        assertThat(r.get("REGULAR_PARTY_MEETING_MONTHLY").subject()).isEqualTo(SubjectKind.ORGANISATION);
        assertThat(r.get("REGULAR_PARTY_MEETING_MONTHLY").evidence())
                .containsExactly(new EvidenceSelector(EvidenceKind.EVENT_HELD, "REGULAR_PARTY_MEETING"));
    }

    @Test
    void writingWhatWasReadGivesTheSameFileEveryTime() {
        String first = write(ProgrammeYaml.read(template()));
        String second = write(ProgrammeYaml.read(first));
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("format: hongxin-programme/1", "name: 红心向党，倾情医教", "connotation: |-",
                "  - code: RED_BOOK", "threshold: 16", "window: OCTOBER_FIRST");
        ProgrammeYaml.Doc again = ProgrammeYaml.read(first);
        assertThat(again.brand().connotation()).isEqualTo(ProgrammeYaml.read(template()).brand().connotation());
    }

    @Test
    void aThresholdWithDecimalsAndTextsThatLookLikeNumbersSurviveTheRoundTrip() {
        String text = template().replace("threshold: 8", "threshold: 7.5")
                .replace("nameEn: Fitness\n", "nameEn: '2024'\n");
        String first = write(ProgrammeYaml.read(text));
        assertThat(first).contains("threshold: 7.5", "nameEn: '2024'");
        assertThat(write(ProgrammeYaml.read(first))).isEqualTo(first);
    }

    @Test
    void anUnknownEvidenceKindIsNamedWithItsLineInChinese() {
        String text = template().replace("kind: SUBMISSION_VERIFIED\n            type: READING_NOTE",
                "kind: ATTENDANCE_X\n            type: READING_NOTE");
        int line = lineOf(text, "ATTENDANCE_X");
        assertThat(messages(text, Locale.SIMPLIFIED_CHINESE))
                .containsExactly("第" + line + "行：未知的证据类型 “ATTENDANCE_X”");
        assertThat(messages(text, Locale.ENGLISH)).containsExactly("Line " + line + ": Unknown evidence kind \"ATTENDANCE_X\"");
    }

    @Test
    void badIndentationIsRefusedAtItsLine() {
        String text = template().replace("    nameEn: Regular party-affairs meetings",
                "      nameEn: Regular party-affairs meetings");
        int line = lineOf(text, "      nameEn: Regular party-affairs meetings");
        List<String> messages = messages(text, Locale.SIMPLIFIED_CHINESE);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).isEqualTo("第" + line + "行：YAML 格式错误，请检查缩进、冒号和引号");
    }

    @Test
    void aMissingFieldNamesTheEntryItBelongsTo() {
        String text = template().replace("        period: YEAR\n        window: JULY_FIRST\n", "        window: JULY_FIRST\n");
        int line = lineOf(text, "- code: POSTER_JULY_FIRST");
        assertThat(messages(text, Locale.SIMPLIFIED_CHINESE)).containsExactly("第" + line + "行：缺少字段“period”");
    }

    @Test
    void aDuplicateCodeNamesBothLines() {
        String text = template().replace("- code: POSTER_OCTOBER_FIRST", "- code: POSTER_JULY_FIRST");
        int first = lineOf(text, "- code: POSTER_JULY_FIRST");
        int second = text.substring(0, text.lastIndexOf("- code: POSTER_JULY_FIRST")).split("\n", -1).length;
        assertThat(messages(text, Locale.SIMPLIFIED_CHINESE))
                .containsExactly("第" + second + "行：编码“POSTER_JULY_FIRST”重复（第" + first + "行已使用）");
    }

    @Test
    void everyProblemOfAFileIsListedInLineOrderNotJustTheFirst() {
        String text = template()
                .replace("subject: ORGANISATION\n        quantity: COUNT\n        threshold: 1\n        period: MONTH\n        evidence:\n          - kind: EVENT_HELD\n            type: REGULAR_PARTY_MEETING",
                        "subject: EVERYONE\n        quantity: COUNT\n        threshold: 0\n        period: MONTH\n        evidence:\n          - kind: EVENT_HELD\n            type: REGULAR_PARTY_MEETING")
                .replace("    sortOrder: 300\n", "    sortOrder: 300\n    colour: red\n");
        List<String> messages = messages(text, Locale.SIMPLIFIED_CHINESE);
        assertThat(messages).containsExactly(
                "第" + lineOf(text, "EVERYONE") + "行：未知的考核对象 “EVERYONE”",
                "第" + lineOf(text, "threshold: 0") + "行：数量要求（threshold）必须大于 0",
                "第" + lineOf(text, "colour: red") + "行：未知的字段“colour”");
    }

    @Test
    void emptyAndNonMappingFilesAreRefused() {
        assertThat(messages("", Locale.SIMPLIFIED_CHINESE)).containsExactly("第1行：文件是空的");
        assertThat(messages("- a\n- b\n", Locale.SIMPLIFIED_CHINESE)).containsExactly("第1行：“/”应写成“字段: 值”的形式");
        assertThatThrownBy(() -> ProgrammeYaml.read("brand:\n  name: x\nmeasures: nope\n"))
                .isInstanceOf(ProgrammeYaml.Refused.class);
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("fixture contains " + needle).isGreaterThanOrEqualTo(0);
        return text.substring(0, at).split("\n", -1).length;
    }

    static List<String> messages(String text, Locale locale) {
        ProgrammeYaml.Refused refused = catchThrowableOfType(ProgrammeYaml.Refused.class, () -> ProgrammeYaml.read(text));
        assertThat(refused).as("file refused").isNotNull();
        List<FieldProblem> problems = new ArrayList<>(refused.problems);
        problems.sort(java.util.Comparator.comparingInt(p -> (Integer) p.args()[0]));
        return problems.stream().map(p -> MESSAGES.getMessage(p.messageKey(), p.args(), locale)).toList();
    }

    /** The writer's input as the service builds it from the tables. */
    static String write(ProgrammeYaml.Doc doc) {
        BrandView brand = new BrandView(1, 1, "unit", doc.brand().name(), doc.brand().slogan(), doc.brand().concept(),
                doc.brand().connotation(), null, true);
        List<MeasureView> measures = new ArrayList<>();
        long id = 1;
        for (ProgrammeYaml.MeasureDoc m : doc.measures()) {
            List<RequirementView> requirements = new ArrayList<>();
            for (ProgrammeYaml.RequirementDoc r : m.requirements()) {
                requirements.add(new RequirementView(id++, 0, r.code(), r.nameZh(), r.nameEn(), 0, r.subject(), r.unit(),
                        null, null, r.statuses(), r.posts(), r.personTypes(), r.quantity(), r.threshold(), r.period(),
                        r.window(), r.evidence()));
            }
            measures.add(new MeasureView(id++, 1, m.form().code(), m.form().nameZh(), m.form().nameEn(),
                    m.form().level(), m.form().category(), m.form().sortOrder(), m.form().description(), requirements));
        }
        return ProgrammeYaml.write(brand, doc.brand().owner(), measures,
                doc.indicators().stream().map(ProgrammeYaml.IndicatorDoc::definition).toList());
    }
}
