package cn.hongxin.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.hongxin.events.EventService;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The health lecture team's roster: who may join, one leader, specialities, leaving and returning, the scope. */
@IntegrationTest
class TeamServiceTests {

    static final LocalDate TODAY = LocalDate.now(EventService.ZONE);

    @Autowired
    OutreachFixtures fixtures;
    @Autowired
    TeamService team;
    @Autowired
    TestAccounts accounts;

    OutreachFixtures.Dept dept;
    long unit;

    @BeforeEach
    void setUp() {
        dept = fixtures.department();
        unit = dept.units().teachersBranch().id();
    }

    <T> T as(java.util.function.Supplier<T> work) {
        return accounts.runAs(dept.secretary(), work);
    }

    List<FieldProblem> refused(TeamMemberForm form) {
        int before = as(() -> team.roster()).size();
        try {
            as(() -> team.add(form));
        } catch (InvalidInputException e) {
            assertThat(as(() -> team.roster())).hasSize(before);
            return e.problems();
        }
        throw new AssertionError("not refused: " + form);
    }

    @Test
    void aTeacherJoinsWithRoleAndSpecialities() {
        long doctor = fixtures.teacher(dept.units(), "李医生", PoliticalStatus.FULL_MEMBER);
        TeamMemberView m = as(() -> team.add(new TeamMemberForm(unit, doctor, TeamRole.LEADER,
                Set.of(Speciality.CARDIOVASCULAR, Speciality.FIRST_AID), TODAY.minusMonths(6), "发起人")));
        assertThat(m.personName()).isEqualTo("李医生");
        assertThat(m.specialities()).containsExactlyInAnyOrder(Speciality.CARDIOVASCULAR, Speciality.FIRST_AID);
        assertThat(m.active()).isTrue();
        assertThat(as(() -> team.roster())).extracting(TeamMemberView::personId).containsExactly(doctor);
    }

    @Test
    void badEntriesAreRefusedFieldByFieldAndNothingIsSaved() {
        long doctor = fixtures.teacher(dept.units(), "赵医生", PoliticalStatus.FULL_MEMBER);
        assertThat(refused(new TeamMemberForm(unit, doctor, null, Set.of(), TODAY.plusDays(1), null)))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactlyInAnyOrder(tuple("role", "validation.required"),
                        tuple("specialities", "outreach.team.specialities.required"),
                        tuple("joinedOn", "outreach.team.joinedOn.future"));
        assertThat(refused(new TeamMemberForm(null, null, TeamRole.MEMBER, Set.of(Speciality.SLEEP), TODAY, null)))
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("unitId", "personId");

        as(() -> team.add(new TeamMemberForm(unit, doctor, TeamRole.LEADER, Set.of(Speciality.SLEEP), TODAY, null)));
        // The same person twice, a second leader.
        assertThat(refused(new TeamMemberForm(unit, doctor, TeamRole.MEMBER, Set.of(Speciality.SLEEP), TODAY, null)))
                .extracting(FieldProblem::messageKey).containsExactly("outreach.team.already");
        long second = fixtures.teacher(dept.units(), "钱医生", PoliticalStatus.FULL_MEMBER);
        assertThat(refused(new TeamMemberForm(unit, second, TeamRole.LEADER, Set.of(Speciality.NUTRITION), TODAY, null)))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("role", "outreach.team.leaderTaken"));

        // A person of another department is out of the secretary's scope.
        OutreachFixtures.Dept other = fixtures.department();
        long stranger = fixtures.teacher(other.units(), "孙医生", PoliticalStatus.FULL_MEMBER);
        assertThat(refused(new TeamMemberForm(unit, stranger, TeamRole.MEMBER, Set.of(Speciality.SLEEP), TODAY, null)))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("personId", "validation.invalid"));
        assertThat(refused(new TeamMemberForm(other.units().teachersBranch().id(), doctor, TeamRole.MEMBER,
                Set.of(Speciality.SLEEP), TODAY, null))).extracting(FieldProblem::field).containsExactly("unitId");
    }

    @Test
    void aLeaderWhoLeftLeavesTheRoleFreeAndCannotReturnOverANewOne() {
        long first = fixtures.teamMember(dept, team, "周医生", TeamRole.LEADER, Speciality.MENTAL_HEALTH);
        TeamMemberView leader = as(() -> team.roster()).stream().filter(m -> m.personId() == first).findFirst()
                .orElseThrow();
        as(() -> team.setActive(leader.id(), false));
        assertThat(as(() -> team.active())).isEmpty();
        long deputy = fixtures.teamMember(dept, team, "冯医生", TeamRole.DEPUTY, Speciality.SLEEP);
        long next = fixtures.teamMember(dept, team, "吴医生", TeamRole.LEADER, Speciality.NUTRITION);
        // The roster lists the active leader first, then the deputy, then who left.
        assertThat(as(() -> team.active())).extracting(TeamMemberView::personId).containsExactly(next, deputy);
        assertThat(as(() -> team.roster())).extracting(TeamMemberView::personId).containsExactly(next, deputy, first);
        assertThatThrownBy(() -> as(() -> team.setActive(leader.id(), true)))
                .hasMessageStartingWith("outreach.team.leaderTaken");
        assertThat(as(() -> team.get(leader.id())).active()).isFalse();
    }

    @Test
    void onlyOutreachEditorsInScopeSeeTheTeam() {
        long doctor = fixtures.teamMember(dept, team, "郑医生", TeamRole.MEMBER, Speciality.ORAL_HEALTH);
        long id = as(() -> team.roster()).get(0).id();
        assertThatThrownBy(() -> accounts.runAs(dept.member(), () -> team.roster()))
                .isInstanceOf(AccessDeniedException.class);
        OutreachFixtures.Dept other = fixtures.department();
        assertThat(accounts.runAs(other.secretary(), () -> team.roster())).extracting(TeamMemberView::personId)
                .doesNotContain(doctor);
        assertThatThrownBy(() -> accounts.runAs(other.secretary(), () -> team.setActive(id, false)))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(() -> team.get(id)).active()).isTrue();
    }
}
