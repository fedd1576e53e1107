package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.evaluation.PointsViews.MemberPoints;
import cn.hongxin.evaluation.PointsViews.PointRule;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Member points: the caps per period, the rank within the branch, the profile and the points table. */
@IntegrationTest
class PointsTests {

    @Autowired
    EvaluationFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    PointsService points;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    TestOrganisation.Department dept;
    long busy;
    long second;
    long third;
    long idle;
    String secretary;

    @BeforeEach
    void semester() {
        fixtures.year();
        dept = org.department();
        busy = fixtures.student(dept, "积极甲", PoliticalStatus.FULL_MEMBER);
        second = fixtures.student(dept, "党员乙", PoliticalStatus.FULL_MEMBER);
        third = fixtures.student(dept, "党员丙", PoliticalStatus.PROBATIONARY_MEMBER);
        idle = fixtures.student(dept, "党员丁", PoliticalStatus.FULL_MEMBER);
        LocalDate day = LocalDate.of(2094, 3, 1);
        // 25 attendances at 2 points: capped at 40 a semester
        for (int i = 0; i < 25; i++) {
            fixtures.personFact(busy, EvidenceKind.ATTENDED, "PARTY_GROUP_MEETING", day.plusDays(i), "1");
        }
        // 6 verified submissions in March at 3 points: capped at 15 a month; one in April earns 3 more
        for (int i = 0; i < 6; i++) {
            fixtures.personFact(busy, EvidenceKind.SUBMISSION_VERIFIED, "READING_NOTE", day.plusDays(i), "1",
                    "SUBMISSION", EvaluationFixtures.newId());
        }
        fixtures.personFact(busy, EvidenceKind.SUBMISSION_VERIFIED, "POSTER", LocalDate.of(2094, 4, 2), "1",
                "SUBMISSION", EvaluationFixtures.newId());
        // 4.5 volunteer hours at 1 point an hour
        fixtures.personFact(busy, EvidenceKind.VOLUNTEER_HOURS, "VOLUNTEER_SERVICE", day, "4.5");
        // last semester's attendance does not count this semester
        fixtures.personFact(busy, EvidenceKind.ATTENDED, "PARTY_GROUP_MEETING", LocalDate.of(2093, 11, 1), "1");
        for (int i = 0; i < 5; i++) {
            fixtures.personFact(second, EvidenceKind.ATTENDED, "PARTY_GROUP_MEETING", day.plusDays(i), "1");
            fixtures.personFact(third, EvidenceKind.ATTENDED, "PARTY_GROUP_MEETING", day.plusDays(i), "1");
        }
        secretary = accounts.create("gsec", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
    }

    Map<Long, MemberPoints> ranking() {
        return accounts.runAs(secretary, () -> points.ranking(dept.studentsBranch().id(), LocalDate.of(2094, 5, 1)))
                .members().stream().collect(Collectors.toMap(MemberPoints::personId, Function.identity()));
    }

    @Test
    void capsStopFarmingAndMembersAreRankedWithinTheirBranch() {
        Map<Long, MemberPoints> r = ranking();
        assertThat(r.get(busy).points()).isEqualByComparingTo("62.5");
        assertThat(r.get(busy).rank()).isEqualTo(1);
        assertThat(r.get(second).points()).isEqualByComparingTo("10");
        assertThat(r.get(second).rank()).isEqualTo(2);
        assertThat(r.get(third).rank()).as("equal points share a rank").isEqualTo(2);
        assertThat(r.get(idle).points()).isEqualByComparingTo("0");
        assertThat(r.get(idle).rank()).isEqualTo(4);
        assertThat(r.get(idle).branchSize()).isEqualTo(4);
        assertThat(r.get(idle).branchName()).isEqualTo(dept.studentsBranch().name());
    }

    @Test
    void aMemberSeesTheirOwnPointsRankAndTimeline() throws Exception {
        String username = "pm-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(username, TestAccounts.PASSWORD,
                username, EnumSet.of(Role.MEMBER), null, busy)));
        String html = mvc.perform(get("/me/points").param("on", "2094-05-01").with(accounts.as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("积极甲", "id=\"my-points\">62.5<", "id=\"my-rank\">1 / 4<", "id=\"timeline\"",
                "/me/submissions", "2094-04-02");
        assertThat(html).as("last semester is not on this semester's timeline").doesNotContain("2093-11-01");
        int timeline = html.indexOf("id=\"timeline\"");
        String rows = html.substring(timeline, html.indexOf("</ul>", timeline));
        assertThat(rows.split("class=\"list-group-item ", -1).length - 1).as("33 records: 25 attendances, 7 submissions, 1 service")
                .isEqualTo(33);
        mvc.perform(get("/evaluation/members/" + busy).with(accounts.as(username))).andExpect(status().isForbidden());
    }

    @Test
    void aSecretarySeesProfilesInTheirScopeOnly() throws Exception {
        mvc.perform(get("/evaluation/members/" + busy).param("on", "2094-05-01").with(accounts.as(secretary)))
                .andExpect(status().isOk());
        String teachers = accounts.create("bsec", EnumSet.of(Role.BRANCH_SECRETARY), dept.teachersBranch().id());
        mvc.perform(get("/evaluation/members/" + busy).with(accounts.as(teachers))).andExpect(status().isNotFound());
        String page = mvc.perform(get("/evaluation/points").param("unit", String.valueOf(dept.studentsBranch().id()))
                        .param("on", "2094-05-01").with(accounts.as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("积极甲", "62.5", "id=\"rules-table\"");
    }

    @Test
    void theTableRefusesBadValuesAndAuditsAChange() {
        PointRule attended = accounts.runAs(secretary, () -> points.rules()).stream()
                .filter(r -> r.kind() == EvidenceKind.ATTENDED && r.typeCode() == null).findFirst().orElseThrow();
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> points.updateRule(attended.id(),
                new BigDecimal("-1"), BigDecimal.ZERO, PeriodKind.SEMESTER)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field())
                        .containsExactly("points", "cap"));
        long audits = audits();
        try {
            accounts.runAs(secretary, () -> points.updateRule(attended.id(), new BigDecimal("1"), new BigDecimal("3"),
                    PeriodKind.SEMESTER));
            assertThat(ranking().get(busy).points()).as("attendance now capped at 3").isEqualByComparingTo("25.5");
            assertThat(audits()).isEqualTo(audits + 1);
        } finally {
            accounts.runAs(secretary, () -> points.updateRule(attended.id(), attended.points(), attended.cap(),
                    attended.capPeriod()));
        }
        assertThat(ranking().get(busy).points()).isEqualByComparingTo("62.5");
    }

    String memberAccount(long personId) {
        String username = "pm-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(username, TestAccounts.PASSWORD,
                username, EnumSet.of(Role.MEMBER), null, personId)));
        return username;
    }

    @Test
    void aMemberChoosesThisSemesterLastSemesterOrTheYearAndSeesBothRanks() throws Exception {
        String username = memberAccount(busy);
        PointsViews.MyPoints year = accounts.runAs(username,
                () -> points.myPoints(PointsViews.PeriodChoice.YEAR, LocalDate.of(2094, 5, 1))).orElseThrow();
        assertThat(year.profile().period().label()).isEqualTo("2093-2094");
        assertThat(year.profile().points().points()).as("62.5 this semester, 2 last: the semester cap counts per semester")
                .isEqualByComparingTo("64.5");
        assertThat(year.options()).extracting(PointsViews.PeriodOption::choice)
                .containsExactly(PointsViews.PeriodChoice.values());
        assertThat(year.generalBranch().unitId()).isEqualTo(dept.generalBranch().id());
        assertThat(year.generalBranch().rank()).isEqualTo(1);
        assertThat(year.generalBranch().size()).isGreaterThanOrEqualTo(4);
        PointsViews.MyPoints last = accounts.runAs(username,
                () -> points.myPoints(PointsViews.PeriodChoice.LAST_SEMESTER, LocalDate.of(2094, 5, 1))).orElseThrow();
        assertThat(last.profile().period().start()).isEqualTo(EvaluationFixtures.AUTUMN_START);
        assertThat(last.profile().points().points()).isEqualByComparingTo("2");
        assertThat(last.profile().timeline()).singleElement().satisfies(t -> assertThat(t.date())
                .isEqualTo(LocalDate.of(2093, 11, 1)));

        String second = memberAccount(this.second);
        PointsViews.MyPoints theirs = accounts.runAs(second,
                () -> points.myPoints(null, LocalDate.of(2094, 5, 1))).orElseThrow();
        assertThat(theirs.choice()).isEqualTo(PointsViews.PeriodChoice.SEMESTER);
        assertThat(theirs.profile().points().rank()).isEqualTo(2);
        assertThat(theirs.generalBranch().rank()).as("equal points share a rank; only 积极甲 has more").isEqualTo(2);

        String html = mvc.perform(get("/me/points").param("on", "2094-05-01").param("period", "YEAR")
                        .with(accounts.as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"period-picker\"", "id=\"my-points\">64.5<", "id=\"my-rank\">1 / 4<",
                "id=\"my-general-rank\">1 / " + year.generalBranch().size() + "<", dept.generalBranch().name(),
                "2093-2094（2093-08-20 至 2094-08-19）");
        int picker = html.indexOf("id=\"period-picker\"");
        assertThat(html.substring(picker, html.indexOf("</div>", picker)))
                .contains("本学期", "上学期", "本学年", "period=LAST_SEMESTER").contains("aria-current=\"page\"");
    }

    @Test
    void aPeriodTheCalendarDoesNotHaveIsRefusedAndNotOffered() {
        String username = memberAccount(busy);
        LocalDate firstWeek = EvaluationFixtures.AUTUMN_START.plusDays(3);
        assertThat(accounts.runAs(username, () -> points.periodOptions(firstWeek)))
                .extracting(PointsViews.PeriodOption::choice)
                .containsExactly(PointsViews.PeriodChoice.SEMESTER, PointsViews.PeriodChoice.YEAR);
        assertThatThrownBy(() -> accounts.runAs(username,
                () -> points.myPoints(PointsViews.PeriodChoice.LAST_SEMESTER, firstWeek)))
                .isInstanceOf(cn.hongxin.shared.UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "evaluation.period.unavailable");
    }

    long audits() {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'evaluation_point_rule'")
                .query(Long.class).single();
    }
}
