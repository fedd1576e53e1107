package cn.hongxin.mentoring;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Forming a pair checks the three people's roles and refuses field by field, saving nothing. */
@IntegrationTest
class MentoringPairRulesTests {

    @Autowired
    MentoringFixtures fixtures;
    @Autowired
    MentoringService mentoring;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MockMvc mvc;

    NewPair pair(Long student, Long lead, Long partner) {
        return new NewPair(student, lead, partner, Set.of(CareNeed.PSYCHOLOGICAL), "每月谈心两次，帮助适应大学生活",
                MentoringService.today().minusDays(3));
    }

    InvalidInputException refusal(String username, NewPair cmd) {
        long before = fixtures.pairs();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.runAs(username, () -> mentoring.form(cmd)));
        assertThat(e).as("refused").isNotNull();
        assertThat(fixtures.pairs()).as("nothing saved").isEqualTo(before);
        return e;
    }

    @Test
    void aValidPairIsFormedAndAStudentGetsOneOpenPairOnly() {
        var c = fixtures.cast();
        long id = accounts.runAs(c.generalSecretary(), () -> mentoring.form(pair(c.student(), c.lead(), c.partner())));
        assertThat(id).isPositive();
        assertThat(fixtures.auditRows(c.generalSecretary(), "CREATE", id)).isEqualTo(1);
        InvalidInputException again = refusal(c.generalSecretary(), pair(c.student(), c.otherTeacher(), c.partner()));
        assertThat(again.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("studentPersonId", "mentoring.student.alreadyPaired"));
    }

    @Test
    void eachWrongRoleIsNamedOnItsField() {
        var c = fixtures.cast();
        long probationary = fixtures.teacher(c.dept(), "孙预备", PoliticalStatus.PROBATIONARY_MEMBER);
        long memberStudent = fixtures.student(c.dept(), "李学生党员", PoliticalStatus.FULL_MEMBER);
        // The lead is a student, the partner a party member, the "student" a teacher.
        InvalidInputException e = refusal(c.generalSecretary(), pair(c.otherTeacher(), memberStudent, c.lead()));
        assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("studentPersonId", "mentoring.student.notStudent"),
                org.assertj.core.groups.Tuple.tuple("leadPersonId", "mentoring.lead.notTeacher"),
                org.assertj.core.groups.Tuple.tuple("partnerPersonId", "mentoring.partner.member"));
        // A non-member cannot lead; a probationary member can, and a non-member teacher partners.
        assertThat(refusal(c.generalSecretary(), pair(c.student(), c.partner(), probationary)).problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("leadPersonId", "mentoring.lead.notMember"),
                        org.assertj.core.groups.Tuple.tuple("partnerPersonId", "mentoring.partner.member"));
        // A party-member teacher of the students' branch (a counsellor) is not of the teachers' branch.
        long counsellor = fixtures.person(c.dept(), "郑辅导员", PoliticalStatus.FULL_MEMBER, PersonType.TEACHER,
                c.dept().teachingOffice().id(), c.dept().studentsBranch().id());
        assertThat(refusal(c.generalSecretary(), pair(c.student(), counsellor, c.partner())).problems())
                .extracting(FieldProblem::messageKey).containsExactly("mentoring.lead.notTeachersBranch");
        // Nothing chosen at all.
        assertThat(refusal(c.generalSecretary(), new NewPair(null, null, null, Set.of(), " ", null)).problems())
                .extracting(FieldProblem::messageKey).containsExactlyInAnyOrder("mentoring.student.required",
                        "mentoring.lead.required", "mentoring.partner.required", "mentoring.careNeeds.required",
                        "mentoring.goals.required", "mentoring.date.required");
        long ok = accounts.runAs(c.generalSecretary(), () -> mentoring.form(pair(c.student(), probationary, c.partner())));
        assertThat(ok).isPositive();
    }

    @Test
    void onlySecretariesWhoseScopeHoldsTheLeadFormPairs() {
        var c = fixtures.cast();
        assertThatThrownBy(() -> accounts.runAs(c.leadAccount(), () -> mentoring.form(pair(c.student(), c.lead(),
                c.partner())))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(c.sysadmin(), () -> mentoring.form(pair(c.student(), c.lead(),
                c.partner())))).isInstanceOf(AccessDeniedException.class);
        // The students' branch secretary does not see the teachers.
        assertThat(refusal(c.studentsSecretary(), pair(c.student(), c.lead(), c.partner())).problems())
                .extracting(FieldProblem::field).contains("leadPersonId");
    }

    @Test
    void theFormPageAndTheApiRefuseInTheUsersLanguage() throws Exception {
        var c = fixtures.cast();
        long before = fixtures.pairs();
        mvc.perform(post("/mentoring").with(accounts.as(c.generalSecretary())).with(csrf())
                        .param("studentPersonId", String.valueOf(c.student()))
                        .param("leadPersonId", String.valueOf(c.partner()))
                        .param("partnerPersonId", String.valueOf(c.lead()))
                        .param("careNeeds", "STUDY").param("goals", "目标").param("startedOn", "2026-09-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不是党员（正式或预备），带头人须为党员教师")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("结对的第二位教师须为非党教师")));
        mvc.perform(post("/api/v1/mentoring/pairs").with(accounts.as(c.generalSecretary())).with(csrf())
                        .header("Accept-Language", "en").contentType("application/json")
                        .content("{\"studentPersonId\":" + c.lead() + ",\"leadPersonId\":" + c.lead()
                                + ",\"partnerPersonId\":" + c.partner() + ",\"careNeeds\":[\"STUDY\"],"
                                + "\"goals\":\"g\",\"startedOn\":\"" + MentoringService.today() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'studentPersonId')].message").value(
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("is not a student"))));
        assertThat(fixtures.pairs()).isEqualTo(before);
        mvc.perform(get("/mentoring/new").with(accounts.as(c.generalSecretary()))
                        .param("studentId", String.valueOf(c.student())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("杨建华")));
    }

    @Test
    void suggestionsProposeTheDepartmentsTeachersFewestPairsFirst() {
        var c = fixtures.cast();
        long busy = c.lead();
        long second = fixtures.teacher(c.dept(), "钱志强", PoliticalStatus.FULL_MEMBER);
        long anotherStudent = fixtures.student(c.dept(), "黄小雨", PoliticalStatus.LEAGUE_MEMBER);
        accounts.runAs(c.generalSecretary(), () -> mentoring.form(pair(anotherStudent, busy, c.partner())));
        PairSuggestions s = accounts.runAs(c.generalSecretary(), () -> mentoring.suggest(c.student(), null));
        assertThat(s.leads()).extracting(PairSuggestions.Candidate::personId)
                .contains(busy, second, c.otherTeacher()).doesNotContain(c.partner());
        assertThat(s.leads().get(s.leads().size() - 1).personId()).isEqualTo(busy);
        assertThat(s.leads()).filteredOn(l -> l.personId() == busy).singleElement()
                .extracting(PairSuggestions.Candidate::openPairs).isEqualTo(1L);
        assertThat(s.partners()).extracting(PairSuggestions.Candidate::personId).containsExactly(c.partner());
        PairSuggestions byOffice = accounts.runAs(c.generalSecretary(),
                () -> mentoring.suggest(c.student(), c.dept().teachingOffice().id()));
        assertThat(byOffice.leads()).extracting(PairSuggestions.Candidate::office)
                .allMatch(o -> o.equals(c.dept().teachingOffice().name()));
    }
}
