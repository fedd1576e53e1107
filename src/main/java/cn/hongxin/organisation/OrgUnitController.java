package cn.hongxin.organisation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * 组织机构: the org tree on the left, the selected unit on the right (details, sub-units, officers),
 * with 新增下级 / 修改 / 删除 for holders of {@code org:unit:edit}.
 */
@Controller
@RequestMapping("/org/units")
class OrgUnitController {

    /** Bootstrap icon per kind of unit, for the tree and the headings. */
    static final Map<OrgUnitType, String> ICONS = new EnumMap<>(Map.of(
            OrgUnitType.PARTY_COMMITTEE, "bi-flag-fill",
            OrgUnitType.GENERAL_BRANCH, "bi-diagram-3-fill",
            OrgUnitType.BRANCH, "bi-people-fill",
            OrgUnitType.PARTY_GROUP, "bi-person-lines-fill",
            OrgUnitType.DEPARTMENT, "bi-building",
            OrgUnitType.TEACHING_OFFICE, "bi-easel",
            OrgUnitType.CLASS, "bi-mortarboard"));

    private final OrgUnitService units;
    private final PersonService people;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    OrgUnitController(OrgUnitService units, PersonService people, CurrentUsers currentUsers, PageMessages messages) {
        this.units = units;
        this.people = people;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String show(@RequestParam(required = false) Long id, Model model) {
        List<OrgUnitView> tree = units.tree();
        OrgUnitView selected = id == null ? tree.stream().findFirst().orElse(null) : select(tree, id);
        model.addAttribute("picked", id != null);
        return view(model, tree, selected);
    }

    @GetMapping("/new")
    String newChild(@RequestParam long parentId, Model model) {
        currentUsers.require(Permission.ORG_EDIT);
        List<OrgUnitView> tree = units.tree();
        OrgUnitView parent = select(tree, parentId);
        Set<OrgUnitType> allowed = parent.unitType().allowedChildren();
        if (allowed.isEmpty()) {
            model.addAttribute("formError", messages.text("org.unit.noChildren",
                    messages.text("enum.OrgUnitType." + parent.unitType().name())));
            model.addAttribute("picked", true);
            return view(model, tree, parent);
        }
        OrgUnitType first = allowed.iterator().next();
        return form(model, tree, parent, "new", null,
                new NewOrgUnit(parentId, null, null, first, null, nextSortOrder(tree, parent), null));
    }

    @PostMapping
    String create(@ModelAttribute("form") NewOrgUnit form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        currentUsers.require(Permission.ORG_EDIT);
        List<OrgUnitView> tree = units.tree();
        OrgUnitView parent = form == null || form.parentId() == null ? null : select(tree, form.parentId());
        if (parent == null) {
            throw new NotFoundException("org unit", null);
        }
        try {
            if (binding.hasErrors()) {
                throw new InvalidInputException(PageMessages.bindingProblems(binding));
            }
            OrgUnitView created = units.create(form);
            redirect.addFlashAttribute("flashSuccess", messages.text("org.unit.created", created.name()));
            return "redirect:/org/units?id=" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return form(model, tree, parent, "new", null, form);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        currentUsers.require(Permission.ORG_EDIT);
        List<OrgUnitView> tree = units.tree();
        OrgUnitView unit = select(tree, id);
        return form(model, tree, parentOf(tree, unit), "edit", unit,
                new NewOrgUnit(unit.parentId(), unit.name(), unit.shortName(), unit.unitType(), unit.branchKind(),
                        unit.sortOrder(), unit.establishedOn()));
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") NewOrgUnit form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        currentUsers.require(Permission.ORG_EDIT);
        List<OrgUnitView> tree = units.tree();
        OrgUnitView unit = select(tree, id);
        try {
            if (binding.hasErrors() || form == null) {
                throw new InvalidInputException(PageMessages.bindingProblems(binding));
            }
            OrgUnitView saved = units.update(id, form);
            redirect.addFlashAttribute("flashSuccess", messages.text("org.unit.updated", saved.name()));
            return "redirect:/org/units?id=" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        NewOrgUnit shown = form == null ? null : new NewOrgUnit(unit.parentId(), form.name(), form.shortName(),
                unit.unitType(), form.branchKind(), form.sortOrder(), form.establishedOn());
        return form(model, tree, parentOf(tree, unit), "edit", unit, shown);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Model model, RedirectAttributes redirect) {
        currentUsers.require(Permission.ORG_EDIT);
        List<OrgUnitView> tree = units.tree();
        OrgUnitView unit = select(tree, id);
        try {
            units.delete(id);
            redirect.addFlashAttribute("flashSuccess", messages.text("org.unit.deleted", unit.name()));
            return unit.parentId() == null ? "redirect:/org/units" : "redirect:/org/units?id=" + unit.parentId();
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
            model.addAttribute("picked", true);
            return view(model, tree, unit);
        }
    }

    private String view(Model model, List<OrgUnitView> tree, OrgUnitView selected) {
        common(model, tree, selected, "view");
        if (selected != null) {
            model.addAttribute("children", tree.stream()
                    .filter(u -> u.parentId() != null && u.parentId() == selected.id()).toList());
            model.addAttribute("childTypes", selected.unitType().allowedChildren());
            model.addAttribute("headcount", units.headcount(selected.id()));
            model.addAttribute("officers", selected.unitType().party() ? people.officers(selected.id()) : List.of());
        }
        return "organisation/units";
    }

    private String form(Model model, List<OrgUnitView> tree, OrgUnitView parent, String mode, OrgUnitView unit,
                        NewOrgUnit form) {
        common(model, tree, unit == null ? parent : unit, mode);
        model.addAttribute("picked", true);
        model.addAttribute("parent", parent);
        model.addAttribute("unit", unit);
        model.addAttribute("form", form != null ? form : new NewOrgUnit(parent == null ? null : parent.id(), null,
                null, unit == null ? null : unit.unitType(), null, null, null));
        model.addAttribute("unitTypes", unit != null ? Set.of(unit.unitType())
                : parent == null ? Set.of() : parent.unitType().allowedChildren());
        model.addAttribute("branchKinds", BranchKind.values());
        return "organisation/units";
    }

    private void common(Model model, List<OrgUnitView> tree, OrgUnitView selected, String mode) {
        model.addAttribute("tree", tree);
        model.addAttribute("selected", selected);
        model.addAttribute("ancestors", selected == null ? List.of() : ancestors(tree, selected));
        model.addAttribute("mode", mode);
        model.addAttribute("icons", ICONS);
        model.addAttribute("rootDepth", tree.isEmpty() ? 0 : tree.get(0).depth());
    }

    private static OrgUnitView select(List<OrgUnitView> tree, long id) {
        return tree.stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("org unit", id));
    }

    private static OrgUnitView parentOf(List<OrgUnitView> tree, OrgUnitView unit) {
        return unit.parentId() == null ? null
                : tree.stream().filter(u -> u.id() == unit.parentId()).findFirst().orElse(null);
    }

    /** The visible units above {@code unit}, from the top down (without the unit itself). */
    private static List<OrgUnitView> ancestors(List<OrgUnitView> tree, OrgUnitView unit) {
        List<OrgUnitView> out = new ArrayList<>();
        for (String part : unit.path().split("/")) {
            if (!part.isEmpty() && Long.parseLong(part) != unit.id()) {
                long ancestorId = Long.parseLong(part);
                tree.stream().filter(u -> u.id() == ancestorId).findFirst().ifPresent(out::add);
            }
        }
        return out;
    }

    private static int nextSortOrder(List<OrgUnitView> tree, OrgUnitView parent) {
        return tree.stream().filter(u -> u.parentId() != null && u.parentId() == parent.id())
                .mapToInt(OrgUnitView::sortOrder).max().orElse(0) + 1;
    }
}
