package cn.hongxin.brand;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static cn.hongxin.brand.ProgrammeYamlTests.lineOf;
import static cn.hongxin.brand.ProgrammeYamlTests.messages;
import static cn.hongxin.brand.ProgrammeYamlTests.template;
import static cn.hongxin.brand.ProgrammeYamlTests.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The programme file's indicators section: the template's indicators, the round trip, line-precise refusals. */
class ProgrammeIndicatorYamlTests {

    @Test
    void theTemplateDefinesIndicatorsForTheArticlesThreeOutcomes() {
        ProgrammeYaml.Doc doc = ProgrammeYaml.read(template());
        Map<String, IndicatorDefinition> byCode = doc.indicators().stream().map(ProgrammeYaml.IndicatorDoc::definition)
                .collect(Collectors.toMap(IndicatorDefinition::code, Function.identity()));
        assertThat(byCode.values().stream().map(IndicatorDefinition::outcome).distinct())
                .containsExactlyInAnyOrder(IndicatorOutcome.values());
        assertThat(byCode).containsKeys("MEMBER_PARTICIPATION", "LEADER_LECTURES", "VOLUNTEER_HOURS_PER_MEMBER",
                "SUBMISSIONS_VERIFIED", "MEETINGS_AGAINST_PLAN", "RESOLUTIONS_ON_TIME", "MEETING_ATTENDANCE",
                "MENTORS_ACTIVE", "HEALTH_TALK_REACH", "COLUMN_READS", "ARTICLES_PUBLISHED", "MENTORED_IMPROVED");
        IndicatorDefinition participation = byCode.get("MEMBER_PARTICIPATION");
        assertThat(participation.unit()).isEqualTo(IndicatorUnit.PERCENT);
        assertThat(participation.baseline()).isEqualTo(IndicatorBaseline.PREVIOUS_PERIOD);
        assertThat(participation.target()).isEqualByComparingTo("95");
        assertThat(participation.numerator().aggregate()).isEqualTo(IndicatorAggregate.DISTINCT_SUBJECTS);
        assertThat(participation.numerator().kind()).isEqualTo(EvidenceKind.ATTENDED);
        assertThat(participation.numerator().subjects()).isEqualTo(IndicatorSubjects.PARTY_MEMBERS);
        assertThat(participation.numerator().types()).contains("REGULAR_PARTY_MEETING", "PARTY_LECTURE");
        assertThat(participation.denominator().aggregate()).isEqualTo(IndicatorAggregate.PARTY_MEMBERS);
        assertThat(byCode.get("SUBMISSIONS_VERIFIED").denominator()).isNull();
        assertThat(byCode.get("SUBMISSIONS_VERIFIED").target()).isNull();
        assertThat(byCode.get("MENTORED_IMPROVED").numerator().aggregate()).isEqualTo(IndicatorAggregate.IMPROVED);
    }

    @Test
    void indicatorsSurviveTheRoundTripWithoutLoss() {
        String text = template().replace("    target: 8\n", "    target: 7.5\n");
        String first = write(ProgrammeYaml.read(text));
        assertThat(first).contains("indicators:", "  - code: MEMBER_PARTICIPATION", "      aggregate: DISTINCT_SUBJECTS",
                "      subjects: PARTY_MEMBERS", "    target: 7.5", "        - WEDNESDAY_LECTURE");
        assertThat(write(ProgrammeYaml.read(first))).isEqualTo(first);
        assertThat(ProgrammeYaml.read(first).indicators()).extracting(ProgrammeYaml.IndicatorDoc::definition)
                .isEqualTo(ProgrammeYaml.read(text).indicators().stream().map(ProgrammeYaml.IndicatorDoc::definition)
                        .toList());
    }

    @Test
    void aPercentWithoutDenominatorAndAKindOnAPopulationAreRefusedAtTheirLines() {
        String text = template()
                .replace("    denominator:\n      aggregate: RESOLUTIONS_DUE\n", "")
                .replace("      aggregate: PARTY_MEMBERS\n  - code: LEADER_LECTURES",
                        "      aggregate: PARTY_MEMBERS\n      kind: ATTENDED\n  - code: LEADER_LECTURES");
        assertThat(messages(text, Locale.SIMPLIFIED_CHINESE)).containsExactly(
                "第" + (lineOf(text, "kind: ATTENDED\n  - code: LEADER_LECTURES")) + "行：统计方式“PARTY_MEMBERS”不读取证据，不能写证据类型（kind）",
                "第" + lineOf(text, "- code: RESOLUTIONS_ON_TIME") + "行：单位为百分比（PERCENT）的指标需要分母（denominator）");
    }

    @Test
    void unknownAggregatesMissingKindsAndBadValuesAreEachNamedWithTheirLine() {
        String text = template()
                .replace("      aggregate: SUM\n      kind: VOLUNTEER_HOURS\n", "      aggregate: SUM\n")
                .replace("      aggregate: RESOLUTIONS_ON_TIME\n", "      aggregate: EVAL_SCRIPT\n")
                .replace("    outcome: SCHOOL_DEVELOPMENT\n    unit: COUNT\n    period: SEMESTER\n    baseline: PREVIOUS_PERIOD\n    numerator:\n      aggregate: COUNT\n      kind: ARTICLE_PUBLISHED",
                        "    outcome: HAPPINESS\n    unit: COUNT\n    period: SEMESTER\n    baseline: PREVIOUS_PERIOD\n    target: -1\n    numerator:\n      aggregate: COUNT\n      kind: ARTICLE_PUBLISHED");
        List<String> zh = messages(text, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).containsExactly(
                "第" + lineOf(text, "      aggregate: SUM\n    denominator") + "行：统计方式“SUM”需要写明证据类型（kind）",
                "第" + lineOf(text, "EVAL_SCRIPT") + "行：未知的统计方式 “EVAL_SCRIPT”",
                "第" + lineOf(text, "HAPPINESS") + "行：未知的成效维度 “HAPPINESS”",
                "第" + lineOf(text, "target: -1") + "行：目标值（target）不能小于 0");
        assertThat(messages(text, Locale.ENGLISH).get(0)).startsWith("Line " + lineOf(text, "      aggregate: SUM\n    denominator") + ": ");
    }

    @Test
    void aDuplicateIndicatorCodeNamesBothLines() {
        String text = template().replace("- code: COLUMN_READS", "- code: HEALTH_TALK_REACH");
        int first = lineOf(text, "- code: HEALTH_TALK_REACH");
        int second = text.substring(0, text.lastIndexOf("- code: HEALTH_TALK_REACH")).split("\n", -1).length;
        assertThat(messages(text, Locale.SIMPLIFIED_CHINESE))
                .containsExactly("第" + second + "行：编码“HEALTH_TALK_REACH”重复（第" + first + "行已使用）");
    }

    @Test
    void aProgrammeWithoutIndicatorsStaysWithoutThem() {
        String text = template().substring(0, template().indexOf("# ---- 成效指标"));
        ProgrammeYaml.Doc doc = ProgrammeYaml.read(text);
        assertThat(doc.indicators()).isEmpty();
        assertThat(write(doc)).doesNotContain("indicators:");
    }
}
