package cn.hongxin.mentoring;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The teachers' branch secretary forms pairs although the student (in a class, in the students' branch) and the
 * non-member teacher (in a teaching office, in no branch) lie outside that branch's data scope: the form offers the
 * students and non-member teachers of the general branch around it, and nobody from elsewhere. What a pair records
 * stays readable only by its teachers and the secretaries above its lead.
 */
@IntegrationTest
class MentoringBranchSecretaryTests {

    static final String GOALS = "按月谈心，稳住学业" + UUID.randomUUID();

    @Autowired
    MentoringFixtures fixtures;
    @Autowired
    MentoringService mentoring;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestOrganisation org;
    @Autowired
    MockMvc mvc;

    /** An option of a picker with its value and text (a selected one has an attribute between them). */
    static java.util.regex.Pattern option(long id, String text) {
        return java.util.regex.Pattern.compile("<option value=\"" + id + "\"[^>]*>" + java.util.regex.Pattern.quote(text)
                + "</option>");
    }

    @Test
    void theFormOffersTheStudentsAndNonMemberTeachersAroundTheBranchAndNobodyElse() throws Exception {
        var c = fixtures.cast();
        TestOrganisation.Department elsewhere = org.department();
        long farStudent = fixtures.student(elsewhere, "远方学生", PoliticalStatus.LEAGUE_MEMBER);
        long farPartner = fixtures.teacher(elsewhere, "远方教师", PoliticalStatus.MASSES);
        long farLead = fixtures.teacher(elsewhere, "远方党员", PoliticalStatus.FULL_MEMBER);

        PairFormChoices choices = accounts.runAs(c.teachersSecretary(), () -> mentoring.formChoices());
        assertThat(choices.students()).extracting(PairFormChoices.Choice::id).containsExactly(c.student());
        assertThat(choices.partners()).extracting(PairFormChoices.Choice::id).containsExactly(c.partner());
        assertThat(choices.leads()).extracting(PairFormChoices.Choice::id)
                .containsExactlyInAnyOrder(c.lead(), c.otherTeacher());
        assertThat(choices.offices()).extracting(PairFormChoices.Choice::id)
                .containsExactly(c.dept().teachingOffice().id());

        String html = mvc.perform(get("/mentoring/new").with(accounts.as(c.teachersSecretary()))
                        .param("studentId", String.valueOf(c.student())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String office = c.dept().teachingOffice().name();
        assertThat(html).containsPattern(option(c.student(), "陈思远 · " + c.dept().clazz().name()))
                .containsPattern(option(c.partner(), "周晓梅 · " + office)).containsPattern(option(c.lead(), "杨建华 · " + office))
                .containsPattern(option(c.dept().teachingOffice().id(), office))
                .doesNotContain("远方学生").doesNotContain("远方教师").doesNotContain("远方党员")
                .contains("id=\"suggestions\"");
        assertThat(html.substring(html.indexOf("id=\"suggestions\""))).contains("周晓梅").contains("杨建华");
        PairSuggestions s = accounts.runAs(c.teachersSecretary(), () -> mentoring.suggest(c.student(), null));
        assertThat(s.partners()).extracting(PairSuggestions.Candidate::personId).containsExactly(c.partner());
        assertThat(s.leads()).extracting(PairSuggestions.Candidate::personId)
                .containsExactlyInAnyOrder(c.lead(), c.otherTeacher());
        // A student of another general branch is not found for this secretary, neither to suggest nor to pair.
        assertThatThrownBy(() -> accounts.runAs(c.teachersSecretary(), () -> mentoring.suggest(farStudent, null)))
                .isInstanceOf(NotFoundException.class);
        long before = fixtures.pairs();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.runAs(c.teachersSecretary(), () -> mentoring.form(pair(farStudent, c.lead(), farPartner))));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                tuple("studentPersonId", "mentoring.person.notFound"),
                tuple("partnerPersonId", "mentoring.person.notFound"));
        assertThat(fixtures.pairs()).isEqualTo(before);
    }

    @Test
    void theTeachersBranchSecretaryFormsAPairOnThePageAndTheStudentsSecretaryCannotReadIt() throws Exception {
        var c = fixtures.cast();
        long before = fixtures.pairs();
        MvcResult formed = mvc.perform(post("/mentoring").with(accounts.as(c.teachersSecretary())).with(csrf())
                        .param("studentPersonId", String.valueOf(c.student()))
                        .param("leadPersonId", String.valueOf(c.lead()))
                        .param("partnerPersonId", String.valueOf(c.partner()))
                        .param("careNeeds", "STUDY").param("careNeeds", "PSYCHOLOGICAL").param("goals", GOALS)
                        .param("startedOn", MentoringService.today().minusDays(2).toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(fixtures.pairs()).isEqualTo(before + 1);
        String location = formed.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/mentoring/pairs/");
        long pairId = Long.parseLong(location.substring("/mentoring/pairs/".length()));
        mvc.perform(get(location).with(accounts.as(c.teachersSecretary())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(GOALS)))
                .andExpect(content().string(containsString("陈思远")));
        PairDetail d = accounts.runAs(c.teachersSecretary(), () -> mentoring.detail(pairId));
        assertThat(d.pair().studentPersonId()).isEqualTo(c.student());
        assertThat(d.pair().partnerPersonId()).isEqualTo(c.partner());
        assertThat(d.pair().leadPersonId()).isEqualTo(c.lead());
        assertThat(d.pair().studentUnitName()).isEqualTo(c.dept().clazz().name());

        long denied = fixtures.auditRows(c.studentsSecretary(), "ACCESS_DENIED", pairId);
        mvc.perform(get(location).with(accounts.as(c.studentsSecretary())))
                .andExpect(status().isNotFound()).andExpect(content().string(not(containsString(GOALS))));
        mvc.perform(get("/api/v1/mentoring/pairs/" + pairId).with(accounts.as(c.studentsSecretary())))
                .andExpect(status().isNotFound()).andExpect(content().string(not(containsString(GOALS))));
        assertThatThrownBy(() -> accounts.runAs(c.studentsSecretary(), () -> mentoring.detail(pairId)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.auditRows(c.studentsSecretary(), "ACCESS_DENIED", pairId)).isEqualTo(denied + 3);
        assertThat(fixtures.auditRows(c.studentsSecretary(), "REVEAL", pairId)).isZero();
        // Nor may the students' branch secretary form one: the lead lies outside that branch.
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> accounts.runAs(
                c.studentsSecretary(), () -> mentoring.form(pair(fixtures.student(c.dept(), "林同学",
                        PoliticalStatus.LEAGUE_MEMBER), c.otherTeacher(), c.partner()))));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(FieldProblem::messageKey).containsExactly("mentoring.lead.outOfScope");
    }

    @Test
    void theTeachersBranchSecretaryFormsAPairThroughTheApi() throws Exception {
        var c = fixtures.cast();
        long before = fixtures.pairs();
        mvc.perform(post("/api/v1/mentoring/pairs").with(accounts.as(c.teachersSecretary())).with(csrf())
                        .contentType("application/json")
                        .content("{\"studentPersonId\":" + c.student() + ",\"leadPersonId\":" + c.lead()
                                + ",\"partnerPersonId\":" + c.partner() + ",\"careNeeds\":[\"FINANCIAL\"],"
                                + "\"goals\":\"" + GOALS + "\",\"startedOn\":\"" + MentoringService.today() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/mentoring/pairs/")))
                .andExpect(jsonPath("$.id").isNumber());
        assertThat(fixtures.pairs()).isEqualTo(before + 1);
        mvc.perform(get("/api/v1/mentoring/suggestions").with(accounts.as(c.teachersSecretary()))
                        .param("studentId", String.valueOf(c.student())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partners[0].personId").value(c.partner()));
        mvc.perform(get("/api/v1/mentoring/pairs").with(accounts.as(c.teachersSecretary())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("陈思远")))
                .andExpect(content().string(not(containsString(GOALS))));
    }

    NewPair pair(long student, long lead, long partner) {
        return new NewPair(student, lead, partner, Set.of(CareNeed.STUDY), GOALS, MentoringService.today());
    }
}
