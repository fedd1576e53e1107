package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.IndicatorAggregate;
import cn.hongxin.brand.IndicatorBaseline;
import cn.hongxin.brand.IndicatorDefinition;
import cn.hongxin.brand.IndicatorOutcome;
import cn.hongxin.brand.IndicatorSelector;
import cn.hongxin.brand.IndicatorSubjects;
import cn.hongxin.brand.IndicatorUnit;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.Period;
import cn.hongxin.evaluation.EvaluationViews.IndicatorCard;
import cn.hongxin.evaluation.EvaluationViews.Trend;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.evaluation.EvaluationFixtures.AUTUMN_END;
import static cn.hongxin.evaluation.EvaluationFixtures.AUTUMN_START;
import static cn.hongxin.evaluation.EvaluationFixtures.SPRING_END;
import static cn.hongxin.evaluation.EvaluationFixtures.SPRING_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Indicator formulas, baselines and trends on a hand-built year whose values are known; the dashboard page. */
@IntegrationTest
class IndicatorTests {

    @Autowired
    EvaluationFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    IndicatorCalculator calculator;
    @Autowired
    EvaluationService service;
    @Autowired
    MockMvc mvc;

    TestOrganisation.Department dept;
    long s1;
    long s2;
    long s3;
    long masses;
    long leader;
    String secretary;

    static final LocalDate MAR_10 = LocalDate.of(2094, 3, 10);
    static final LocalDate MAY_12 = LocalDate.of(2094, 5, 12);
    static final LocalDate JUN_20 = LocalDate.of(2094, 6, 20);
    static final Period AUTUMN = new Period(PeriodKind.SEMESTER, AUTUMN_START, AUTUMN_END, "autumn");
    static final Period SPRING = new Period(PeriodKind.SEMESTER, SPRING_START, SPRING_END, "spring");

    @BeforeEach
    void year() {
        fixtures.year();
        dept = org.department();
        s1 = fixtures.student(dept, "学生甲", PoliticalStatus.FULL_MEMBER);
        s2 = fixtures.student(dept, "学生乙", PoliticalStatus.PROBATIONARY_MEMBER);
        s3 = fixtures.student(dept, "学生丙", PoliticalStatus.FULL_MEMBER);
        masses = fixtures.student(dept, "群众丁", PoliticalStatus.MASSES);
        leader = fixtures.teacher(dept, "领导戊", PoliticalStatus.FULL_MEMBER, true);
        long teacher = fixtures.teacher(dept, "教师己", PoliticalStatus.MASSES, false);
        // autumn: one member of four attended
        fixtures.personFact(s1, EvidenceKind.ATTENDED, "BRANCH_GENERAL_MEETING", LocalDate.of(2093, 10, 9), "1");
        // spring: two members of four attended (one twice), a non-member too; a day after the semester does not count
        fixtures.personFact(s1, EvidenceKind.ATTENDED, "BRANCH_GENERAL_MEETING", MAR_10, "1");
        fixtures.personFact(s1, EvidenceKind.ATTENDED, "PARTY_LECTURE", JUN_20, "1");
        fixtures.personFact(s2, EvidenceKind.ATTENDED, "BRANCH_GENERAL_MEETING", SPRING_END, "1");
        fixtures.personFact(masses, EvidenceKind.ATTENDED, "BRANCH_GENERAL_MEETING", MAR_10, "1");
        fixtures.personFact(s3, EvidenceKind.ATTENDED, "BRANCH_GENERAL_MEETING", SPRING_END.plusDays(1), "1");
        fixtures.personFact(s3, EvidenceKind.ATTENDED, "RED_SONG_CONTEST", MAR_10, "1");
        fixtures.personFact(s1, EvidenceKind.VOLUNTEER_HOURS, "VOLUNTEER_SERVICE", MAR_10, "3.5");
        fixtures.personFact(masses, EvidenceKind.VOLUNTEER_HOURS, "VOLUNTEER_SERVICE", MAY_12, "4.5");
        fixtures.personFact(leader, EvidenceKind.LECTURE_GIVEN, "PARTY_LECTURE", MAR_10, "1");
        fixtures.personFact(leader, EvidenceKind.LECTURE_GIVEN, "WEDNESDAY_LECTURE", MAY_12, "1");
        fixtures.personFact(teacher, EvidenceKind.LECTURE_GIVEN, "WEDNESDAY_LECTURE", MAY_12, "1");
        fixtures.personFact(s1, EvidenceKind.CHECK_IN, null, MAR_10, "60");
        fixtures.personFact(s1, EvidenceKind.CHECK_IN, null, MAY_12, "75");
        fixtures.personFact(s2, EvidenceKind.CHECK_IN, null, MAR_10, "80");
        fixtures.personFact(s2, EvidenceKind.CHECK_IN, null, MAY_12, "70");
        fixtures.personFact(s3, EvidenceKind.CHECK_IN, null, MAY_12, "50");
        fixtures.unitFact(dept.studentsBranch().id(), EvidenceKind.AUDIENCE_REACHED, "HEALTH_TALK", MAR_10, "120");
        fixtures.unitFact(dept.studentsBranch().id(), EvidenceKind.AUDIENCE_REACHED, "HEALTH_TALK", MAY_12, "80");
        fixtures.unitFact(dept.studentsBranch().id(), EvidenceKind.AUDIENCE_REACHED, "WECHAT", MAY_12, "500");
        // another department's member attended: not ours
        TestOrganisation.Department other = org.department();
        long stranger = fixtures.student(other, "外系庚", PoliticalStatus.FULL_MEMBER);
        fixtures.personFact(stranger, EvidenceKind.ATTENDED, "BRANCH_GENERAL_MEETING", MAR_10, "1");
        secretary = accounts.create("gsec", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
    }

    static IndicatorSelector sel(IndicatorAggregate a, EvidenceKind kind, List<String> types, IndicatorSubjects s) {
        return new IndicatorSelector(a, kind, types, s);
    }

    static IndicatorDefinition indicator(IndicatorUnit unit, IndicatorSelector n, IndicatorSelector d) {
        return new IndicatorDefinition(0, 0, "X", "x", "x", IndicatorOutcome.MEMBERS_QUALITY, unit,
                PeriodKind.SEMESTER, IndicatorBaseline.PREVIOUS_PERIOD, null, n, d, 10);
    }

    BigDecimal value(IndicatorDefinition d, Period p) {
        return accounts.runAs(secretary, () -> calculator.run(SPRING_END).value(d, p, dept.generalBranch()));
    }

    @Test
    void eachFormulaGivesItsKnownValue() {
        List<String> meetings = List.of("BRANCH_GENERAL_MEETING", "PARTY_LECTURE");
        IndicatorDefinition participation = indicator(IndicatorUnit.PERCENT,
                sel(IndicatorAggregate.DISTINCT_SUBJECTS, EvidenceKind.ATTENDED, meetings, IndicatorSubjects.PARTY_MEMBERS),
                sel(IndicatorAggregate.PARTY_MEMBERS, null, List.of(), null));
        assertThat(value(participation, SPRING)).isEqualByComparingTo("50.0");
        assertThat(value(participation, AUTUMN)).isEqualByComparingTo("25.0");

        IndicatorDefinition hours = indicator(IndicatorUnit.HOURS,
                sel(IndicatorAggregate.SUM, EvidenceKind.VOLUNTEER_HOURS, List.of(), null),
                sel(IndicatorAggregate.PARTY_MEMBERS, null, List.of(), null));
        assertThat(value(hours, SPRING)).isEqualByComparingTo("2.0");

        IndicatorDefinition lectures = indicator(IndicatorUnit.COUNT,
                sel(IndicatorAggregate.COUNT, EvidenceKind.LECTURE_GIVEN, List.of(), IndicatorSubjects.PARTY_LEADERS), null);
        assertThat(value(lectures, SPRING)).isEqualByComparingTo("2");

        IndicatorDefinition improved = indicator(IndicatorUnit.PERCENT,
                sel(IndicatorAggregate.IMPROVED, EvidenceKind.CHECK_IN, List.of(), null),
                sel(IndicatorAggregate.DISTINCT_SUBJECTS, EvidenceKind.CHECK_IN, List.of(), null));
        assertThat(value(improved, SPRING)).isEqualByComparingTo("33.3");
        assertThat(value(improved, AUTUMN)).as("no check-ins: nothing to divide by").isNull();

        IndicatorDefinition reach = indicator(IndicatorUnit.COUNT,
                sel(IndicatorAggregate.SUM, EvidenceKind.AUDIENCE_REACHED, List.of("HEALTH_TALK"), null), null);
        assertThat(value(reach, SPRING)).isEqualByComparingTo("200");

        IndicatorDefinition branches = indicator(IndicatorUnit.COUNT,
                sel(IndicatorAggregate.BRANCHES, null, List.of(), null), null);
        assertThat(value(branches, SPRING)).isEqualByComparingTo("2");

        IndicatorDefinition students = indicator(IndicatorUnit.COUNT,
                sel(IndicatorAggregate.PEOPLE, null, List.of(), IndicatorSubjects.STUDENTS), null);
        assertThat(value(students, SPRING)).isEqualByComparingTo("4");
    }

    @Test
    void theProgrammesIndicatorsComeWithBaselineAndTrend() {
        List<IndicatorCard> cards = accounts.runAs(secretary,
                () -> service.indicators(dept.generalBranch().id(), LocalDate.of(2094, 6, 30)));
        Map<String, IndicatorCard> byCode = cards.stream()
                .collect(Collectors.toMap(IndicatorCard::code, Function.identity()));
        IndicatorCard participation = byCode.get("MEMBER_PARTICIPATION");
        assertThat(participation.value()).isEqualByComparingTo("50.0");
        assertThat(participation.baseline()).isEqualByComparingTo("25.0");
        assertThat(participation.baselineLabel()).isEqualTo("2093-2094学年第一学期");
        assertThat(participation.trend()).isEqualTo(Trend.UP);
        assertThat(participation.series()).extracting(EvaluationViews.TrendPoint::label)
                .endsWith("2093-2094学年第一学期", "2093-2094学年第二学期");
        assertThat(byCode.get("LEADER_LECTURES").value()).isEqualByComparingTo("2");
        assertThat(byCode.get("LEADER_LECTURES").trend()).isEqualTo(Trend.UP);
        assertThat(byCode.get("HEALTH_TALK_REACH").value()).isEqualByComparingTo("200");
        assertThat(byCode.get("COLUMN_READS").value()).isEqualByComparingTo("500");
        assertThat(byCode.get("MENTORED_IMPROVED").value()).isEqualByComparingTo("33.3");
        assertThat(byCode.get("MENTORED_IMPROVED").trend()).isEqualTo(Trend.NONE);
        assertThat(byCode.get("VOLUNTEER_HOURS_PER_MEMBER").value()).isEqualByComparingTo("2.0");
        assertThat(byCode.get("MEETINGS_AGAINST_PLAN").value()).as("no meeting planned").isNull();
    }

    @Test
    void theDashboardShowsCardsChartsAndTheSilentBranch() throws Exception {
        String html = mvc.perform(get("/evaluation").param("unit", String.valueOf(dept.generalBranch().id()))
                        .param("on", "2094-06-30").with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("成效看板", "党员参加组织生活的比例", "id=\"chart-participation\"",
                "id=\"silent-branches\"", dept.teachersBranch().name(), "/js/evaluation-dashboard.js",
                "data-trend=\"UP\"");
        assertThat(html.substring(html.indexOf("id=\"silent-branches\""), html.indexOf("</ul>", html.indexOf("id=\"silent-branches\""))))
                .contains(dept.teachersBranch().name()).doesNotContain(dept.studentsBranch().name());
        assertThat(html).as("attendances of the students' branch, February to June")
                .contains("data-name=\"" + dept.studentsBranch().name() + "\" data-values=\"0|3|0|0|1\"");
    }

    @Test
    void aBranchSecretarySeesTheirBranchAndNotAnother() throws Exception {
        String branchSecretary = accounts.create("bsec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        mvc.perform(get("/evaluation").param("on", "2094-06-30").with(accounts.as(branchSecretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(dept.studentsBranch().name() + " · ")));
        mvc.perform(get("/evaluation").param("unit", String.valueOf(dept.teachersBranch().id()))
                .with(accounts.as(branchSecretary))).andExpect(status().isNotFound());
        String member = accounts.create("mem", EnumSet.of(Role.MEMBER), null);
        mvc.perform(get("/evaluation").with(accounts.as(member))).andExpect(status().isForbidden());
    }
}
