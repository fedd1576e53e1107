package cn.hongxin.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.util.UriComponentsBuilder;

import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * 人员管理: the searchable list, a person's record (with the audited 查看明文, status history and
 * posts), and the add/edit form. Every read goes through {@link PersonService}, so a person outside
 * the signed-in account's data scope is a 404 here too.
 */
@Controller
@RequestMapping("/org/people")
class PersonController {

    static final int PAGE_SIZE = 20;

    private static final Set<OrgUnitType> ADMIN_UNITS =
            EnumSet.of(OrgUnitType.DEPARTMENT, OrgUnitType.TEACHING_OFFICE, OrgUnitType.CLASS);
    private static final Set<OrgUnitType> BRANCHES = EnumSet.of(OrgUnitType.GENERAL_BRANCH, OrgUnitType.BRANCH);
    private static final Set<OrgUnitType> GROUPS = EnumSet.of(OrgUnitType.PARTY_GROUP);

    private final PersonService people;
    private final OrgUnitService units;
    private final CurrentUsers currentUsers;
    private final PageMessages messages;

    PersonController(PersonService people, OrgUnitService units, CurrentUsers currentUsers, PageMessages messages) {
        this.people = people;
        this.units = units;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    // ---- list ----------------------------------------------------------------------------------

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String unitId,
                @RequestParam(required = false) String status, @RequestParam(required = false) String type,
                @RequestParam(required = false) String inactive, @RequestParam(defaultValue = "0") String page,
                Model model) {
        PersonQuery query = new PersonQuery(q == null || q.isBlank() ? null : q.strip(), longOrNull(unitId),
                enumOrNull(PoliticalStatus.class, status), enumOrNull(PersonType.class, type),
                "true".equals(inactive) ? Boolean.TRUE : null);
        int pageNo = Math.max(0, intOr(page, 0));
        Page<PersonRow> found = people.search(query, pageNo, PAGE_SIZE);
        if (pageNo > 0 && pageNo >= found.getTotalPages() && found.getTotalPages() > 0) {
            found = people.search(query, found.getTotalPages() - 1, PAGE_SIZE);
        }
        String search = searchParams(query);
        model.addAttribute("query", query);
        model.addAttribute("page", found);
        model.addAttribute("units", units.visibleFor(Permission.PERSON_VIEW));
        model.addAttribute("statuses", PoliticalStatus.values());
        model.addAttribute("types", PersonType.values());
        model.addAttribute("baseUrl", "/org/people" + search);
        model.addAttribute("exportUrl", "/org/people/export" + search);
        model.addAttribute("filtered", !search.isEmpty());
        return "organisation/people";
    }

    // ---- detail --------------------------------------------------------------------------------

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        PersonDetail person = people.get(id);
        CurrentUser user = currentUsers.require();
        model.addAttribute("person", person);
        model.addAttribute("statuses", PoliticalStatus.values());
        model.addAttribute("posts", PartyPost.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("partyUnits", user.has(Permission.PERSON_EDIT)
                ? units.visibleFor(Permission.PERSON_EDIT).stream().filter(u -> u.unitType().party()).toList()
                : List.of());
        model.addAttribute("currentStep", currentStep(person));
        model.addAttribute("currentPosts", person.posts().stream().filter(p -> p.until() == null).toList());
        model.addAttribute("pastPosts", person.posts().stream().filter(p -> p.until() != null).toList());
        return "organisation/person";
    }

    /**
     * The history entry that stands for the current status: the latest one with the current status
     * (and its date, when known). The history is ordered by date, and the entry written when a person
     * was added without a date carries the day of entry, so "the last one" is not always current.
     */
    static int currentStep(PersonDetail person) {
        List<StatusChangeView> history = person.statusHistory();
        int fallback = -1;
        for (int i = history.size() - 1; i >= 0; i--) {
            StatusChangeView step = history.get(i);
            if (step.status() == person.politicalStatus()) {
                if (person.statusSince() == null || person.statusSince().equals(step.effectiveOn())) {
                    return i;
                }
                fallback = fallback < 0 ? i : fallback;
            }
        }
        return fallback;
    }

    /** 查看明文: the clear ID number and phone as a fragment for htmx; audited by the service. */
    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("clear", people.reveal(id));
        return "organisation/person :: revealed";
    }

    @PostMapping("/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam(required = false) String status,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                        LocalDate effectiveOn, @RequestParam(required = false) String note,
                        RedirectAttributes redirect) {
        return act(id, redirect, "person.status.changed", () -> people.changeStatus(id,
                enumOrNull(PoliticalStatus.class, status), effectiveOn, note));
    }

    @PostMapping("/{id}/posts")
    String assignPost(@PathVariable long id, @RequestParam(required = false) String orgUnitId,
                      @RequestParam(required = false) String post,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                      RedirectAttributes redirect) {
        Long unit = longOrNull(orgUnitId);
        return act(id, redirect, "person.post.assigned", () -> {
            if (unit == null) {
                throw new UserFacingException("person.post.unit.invalid");
            }
            people.assignPost(id, unit, enumOrNull(PartyPost.class, post), since);
        });
    }

    @PostMapping("/{id}/posts/{assignmentId}/end")
    String endPost(@PathVariable long id, @PathVariable long assignmentId, RedirectAttributes redirect) {
        return act(id, redirect, "person.post.ended", () -> people.endPost(id, assignmentId));
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        return act(id, redirect, active ? "person.enabled" : "person.disabled", () -> people.setActive(id, active));
    }

    // ---- form ----------------------------------------------------------------------------------

    @GetMapping("/new")
    String newPerson(Model model) {
        currentUsers.require(Permission.PERSON_EDIT);
        return form(model, PersonForm.empty(), null, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        currentUsers.require(Permission.PERSON_EDIT);
        try {
            refuseUnconverted(form, binding);
            long id = people.create(form);
            redirect.addFlashAttribute("flashSuccess", messages.text("person.created", form.name().strip()));
            return "redirect:/org/people/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("person.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return form(model, form == null ? PersonForm.empty() : form, null, null);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        PersonForm form = people.formFor(id);
        return form(model, form, id, people.get(id));
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        PersonDetail before = people.get(id);
        try {
            refuseUnconverted(form, binding);
            people.update(id, form);
            redirect.addFlashAttribute("flashSuccess", messages.text("person.updated", form.name().strip()));
            return "redirect:/org/people/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("person.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return form(model, form == null ? people.formFor(id) : form, id, before);
    }

    private String form(Model model, PersonForm form, Long id, PersonDetail person) {
        List<OrgUnitView> visible = units.visibleFor(Permission.PERSON_EDIT);
        model.addAttribute("form", form);
        model.addAttribute("personId", id);
        model.addAttribute("person", person);
        model.addAttribute("adminUnits", units.administrativeUnits().stream()
                .filter(u -> ADMIN_UNITS.contains(u.unitType())).toList());
        model.addAttribute("branches", visible.stream().filter(u -> BRANCHES.contains(u.unitType())).toList());
        model.addAttribute("groups", visible.stream().filter(u -> GROUPS.contains(u.unitType())).toList());
        model.addAttribute("rootDepth", visible.isEmpty() ? 0 : visible.get(0).depth());
        model.addAttribute("statuses", PoliticalStatus.values());
        model.addAttribute("types", PersonType.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("today", LocalDate.now());
        return "organisation/person-form";
    }

    /**
     * A value the browser should never send (a date typed by hand where the date picker is missing, a
     * tampered select) is refused like any other bad field, together with the form's own problems.
     */
    private static void refuseUnconverted(PersonForm form, BindingResult binding) {
        if (form != null && !binding.hasErrors()) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>(PageMessages.bindingProblems(binding));
        if (form != null) {
            PersonRules.check(form).stream()
                    .filter(p -> problems.stream().noneMatch(b -> b.field().equals(p.field())))
                    .forEach(problems::add);
        }
        throw new InvalidInputException(problems);
    }

    private String act(long id, RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flashSuccess", messages.text(successKey));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/org/people/" + id;
    }

    private static String searchParams(PersonQuery query) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        if (query.q() != null) {
            b.queryParam("q", query.q());
        }
        if (query.unitId() != null) {
            b.queryParam("unitId", query.unitId());
        }
        if (query.status() != null) {
            b.queryParam("status", query.status().name());
        }
        if (query.type() != null) {
            b.queryParam("type", query.type().name());
        }
        if (Boolean.TRUE.equals(query.inactive())) {
            b.queryParam("inactive", "true");
        }
        return b.encode().build().toUriString();
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

    static Long longOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int intOr(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }
}
