package cn.hongxin.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PersonDetail;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * The health lecture team (宣讲团) of each party unit: who is in it, their role (one 团长 at a time) and what they can
 * speak on. Members leave by being marked inactive, so talks and articles keep their speakers and authors.
 * Everything needs {@code outreach:edit} and the unit in the caller's scope (else not found).
 */
@Service
public class TeamService {

    static final int MAX_NOTE = 500;

    private final TeamMemberRepository members;
    private final OutreachScope scope;
    private final AuditTrail audit;

    TeamService(TeamMemberRepository members, OutreachScope scope, AuditTrail audit) {
        this.members = members;
        this.scope = scope;
        this.audit = audit;
    }

    /** Every team member in scope: active ones first, then by role (leader first) and joining date. */
    @Transactional(readOnly = true)
    public List<TeamMemberView> roster() {
        CurrentUser user = scope.require();
        return members.findUnder(scope.prefix(user)).stream().map(TeamMember::toView)
                .sorted(java.util.Comparator.comparing((TeamMemberView m) -> !m.active())
                        .thenComparing(TeamMemberView::role).thenComparing(TeamMemberView::joinedOn)
                        .thenComparing(TeamMemberView::id))
                .toList();
    }

    /** The active members in scope, for the speaker and author pick lists. */
    @Transactional(readOnly = true)
    public List<TeamMemberView> active() {
        return roster().stream().filter(TeamMemberView::active).toList();
    }

    @Transactional(readOnly = true)
    public TeamMemberView get(long id) {
        return visible(id).toView();
    }

    @Transactional
    public TeamMemberView add(TeamMemberForm form) {
        CurrentUser user = scope.require();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<OrgUnitView> unit = scope.partyUnit(form.unitId());
        if (unit.isEmpty()) {
            problems.add(new FieldProblem("unitId", form.unitId() == null ? "validation.required" : "validation.invalid"));
        }
        Optional<PersonDetail> person = scope.person(form.personId());
        if (person.isEmpty()) {
            problems.add(new FieldProblem("personId", form.personId() == null ? "validation.required" : "validation.invalid"));
        } else if (!person.get().active()) {
            problems.add(new FieldProblem("personId", "outreach.team.personInactive"));
        }
        check(form, problems);
        if (unit.isPresent() && person.isPresent()
                && members.findByUnitIdAndPersonId(unit.get().id(), person.get().id()).isPresent()) {
            problems.add(new FieldProblem("personId", "outreach.team.already", person.get().name()));
        }
        if (unit.isPresent() && form.role() == TeamRole.LEADER) {
            leaderFree(unit.get().id(), null, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TeamMember m = new TeamMember(unit.get().id(), unit.get().path(), unit.get().name(), person.get().id(),
                person.get().name(), user.username());
        m.describe(form.role(), EnumSet.copyOf(form.specialities()), form.joinedOn(), blankToNull(form.note()));
        members.saveAndFlush(m);
        audit.record(AuditAction.CREATE, "outreach_team_member", m.getId(), AuditOutcome.SUCCESS,
                m.getPersonName() + " " + form.role());
        return m.toView();
    }

    @Transactional
    public TeamMemberView update(long id, TeamMemberForm form) {
        scope.require();
        TeamMember m = visible(id);
        List<FieldProblem> problems = new ArrayList<>();
        check(form, problems);
        if (form.role() == TeamRole.LEADER && m.isActive()) {
            leaderFree(m.getUnitId(), m.getId(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        m.describe(form.role(), EnumSet.copyOf(form.specialities()), form.joinedOn(), blankToNull(form.note()));
        audit.record(AuditAction.UPDATE, "outreach_team_member", id, AuditOutcome.SUCCESS,
                m.getPersonName() + " " + form.role());
        return m.toView();
    }

    /** 离团 / 回团: an inactive member is kept but offered no more as a speaker or author. */
    @Transactional
    public TeamMemberView setActive(long id, boolean active) {
        scope.require();
        TeamMember m = visible(id);
        if (active && !m.isActive() && m.getTeamRole() == TeamRole.LEADER) {
            List<FieldProblem> problems = new ArrayList<>();
            leaderFree(m.getUnitId(), m.getId(), problems);
            if (!problems.isEmpty()) {
                throw new UserFacingException("outreach.team.leaderTaken", problems.get(0).args());
            }
        }
        m.setActive(active);
        audit.record(AuditAction.UPDATE, "outreach_team_member", id, AuditOutcome.SUCCESS, "active=" + active);
        return m.toView();
    }

    /** The active member of the caller's scope who is this person, if any (for speakers of a talk). */
    @Transactional(readOnly = true)
    Optional<TeamMemberView> activeMember(long personId) {
        return active().stream().filter(m -> m.personId() == personId).findFirst();
    }

    private void check(TeamMemberForm form, List<FieldProblem> problems) {
        if (form.role() == null) {
            problems.add(new FieldProblem("role", "validation.required"));
        }
        if (form.specialities() == null || form.specialities().stream().noneMatch(Objects::nonNull)) {
            problems.add(new FieldProblem("specialities", "outreach.team.specialities.required"));
        }
        if (form.joinedOn() == null) {
            problems.add(new FieldProblem("joinedOn", "validation.required"));
        } else if (form.joinedOn().isAfter(LocalDate.now(cn.hongxin.events.EventService.ZONE))) {
            problems.add(new FieldProblem("joinedOn", "outreach.team.joinedOn.future"));
        }
        if (form.note() != null && form.note().strip().length() > MAX_NOTE) {
            problems.add(new FieldProblem("note", "validation.tooLong", MAX_NOTE));
        }
    }

    private void leaderFree(long unitId, Long exceptId, List<FieldProblem> problems) {
        members.findByUnitIdAndTeamRoleAndActiveTrue(unitId, TeamRole.LEADER).stream()
                .filter(l -> !Objects.equals(l.getId(), exceptId)).findFirst()
                .ifPresent(l -> problems.add(new FieldProblem("role", "outreach.team.leaderTaken", l.getPersonName())));
    }

    private TeamMember visible(long id) {
        CurrentUser user = scope.require();
        return members.findById(id).filter(m -> scope.within(user, m.getUnitPath()))
                .orElseThrow(() -> new NotFoundException("team member", id));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
