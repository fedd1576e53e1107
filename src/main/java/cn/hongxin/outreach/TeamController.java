package cn.hongxin.outreach;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PersonQuery;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/** 健康宣讲团: the roster (searchable by name, speciality and status), the add/edit form, leaving and returning. */
@Controller
@RequestMapping("/outreach/team")
class TeamController {

    private final TeamService team;
    private final OutreachScope scope;
    private final PersonService people;
    private final OutreachPageMessages messages;

    TeamController(TeamService team, OutreachScope scope, PersonService people, OutreachPageMessages messages) {
        this.team = team;
        this.scope = scope;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping
    String roster(@RequestParam(required = false) String q, @RequestParam(required = false) String speciality,
                  @RequestParam(required = false) String active, Model model) {
        Speciality wanted = enumOrNull(Speciality.class, speciality);
        Boolean activeOnly = active == null || active.isBlank() ? null : Boolean.valueOf(active);
        String term = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<TeamMemberView> all = team.roster();
        List<TeamMemberView> shown = all.stream()
                .filter(m -> term.isEmpty() || m.personName().toLowerCase(Locale.ROOT).contains(term))
                .filter(m -> wanted == null || m.specialities().contains(wanted))
                .filter(m -> activeOnly == null || m.active() == activeOnly).toList();
        model.addAttribute("members", shown);
        model.addAttribute("activeCount", all.stream().filter(TeamMemberView::active).count());
        model.addAttribute("q", q);
        model.addAttribute("speciality", wanted);
        model.addAttribute("active", activeOnly);
        model.addAttribute("specialities", Speciality.values());
        model.addAttribute("filtered", !term.isEmpty() || wanted != null || activeOnly != null);
        return "outreach/team";
    }

    @GetMapping("/new")
    String newMember(Model model) {
        Long unit = defaultUnit();
        return form(model, TeamMemberForm.empty(unit), null);
    }

    @PostMapping
    String add(@ModelAttribute("form") TeamMemberForm form, Model model, RedirectAttributes redirect) {
        try {
            TeamMemberView saved = team.add(form);
            redirect.addFlashAttribute("flashSuccess", messages.text("outreach.team.added", saved.personName()));
            return "redirect:/outreach/team";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("outreach.form.refused"));
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        TeamMemberView m = team.get(id);
        return form(model, new TeamMemberForm(m.unitId(), m.personId(), m.role(), m.specialities(), m.joinedOn(),
                m.note()), m);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TeamMemberForm form, Model model,
                  RedirectAttributes redirect) {
        TeamMemberView m = team.get(id);
        try {
            team.update(id, form);
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
            return "redirect:/outreach/team";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("outreach.form.refused"));
        }
        return form(model, form, m);
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        try {
            TeamMemberView m = team.setActive(id, active);
            redirect.addFlashAttribute("flashSuccess",
                    messages.text(active ? "outreach.team.returned" : "outreach.team.left", m.personName()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/outreach/team";
    }

    private String form(Model model, TeamMemberForm form, TeamMemberView member) {
        model.addAttribute("form", form);
        model.addAttribute("member", member);
        model.addAttribute("units", scope.partyUnits());
        model.addAttribute("people", people.search(new PersonQuery(null, null, null, PersonType.TEACHER, false), 0, 500)
                .getContent());
        model.addAttribute("roles", TeamRole.values());
        model.addAttribute("specialities", Speciality.values());
        return "outreach/team-form";
    }

    /** The teachers' branch in scope, else the first party unit in scope. */
    private Long defaultUnit() {
        List<OrgUnitView> units = scope.partyUnits();
        return units.stream().filter(u -> u.branchKind() == BranchKind.TEACHERS).findFirst()
                .or(() -> units.stream().findFirst()).map(OrgUnitView::id).orElse(null);
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
