package cn.hongxin.mentoring;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * 帮扶对子 pages: the secretary's list (filters, last help record, overdue warning), the form with the "suggest
 * pairs" aid, and the pair's page for its readers (the record, check-ins, closing). Forms post here; a refused
 * form comes back with its fields and messages.
 */
@Controller
class MentoringController {

    private final MentoringService service;
    private final MentoringMessages messages;
    private final CurrentUsers currentUsers;

    MentoringController(MentoringService service, MentoringMessages messages, CurrentUsers currentUsers) {
        this.service = service;
        this.messages = messages;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/mentoring")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
                @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
                Model model) {
        PairState s = enumOf(PairState.class, state);
        model.addAttribute("pairs", service.search(q, s, overdue, page, 20));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("overdue", overdue);
        model.addAttribute("states", PairState.values());
        model.addAttribute("monthly", MentoringService.MONTHLY_HELP_RECORDS);
        return "mentoring/list";
    }

    @GetMapping("/mentoring/new")
    String newForm(@RequestParam(required = false) Long studentId, @RequestParam(required = false) Long officeId,
                   @RequestParam(required = false) Long leadId, @RequestParam(required = false) Long partnerId,
                   Model model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("studentPersonId", studentId);
        values.put("leadPersonId", leadId);
        values.put("partnerPersonId", partnerId);
        values.put("startedOn", MentoringService.today().toString());
        values.put("careNeeds", Set.of());
        values.put("goals", "");
        if (studentId != null) {
            try {
                model.addAttribute("suggestions", service.suggest(studentId, officeId));
            } catch (UserFacingException e) {
                model.addAttribute("formError", messages.text(e));
            } catch (cn.hongxin.shared.NotFoundException e) {
                model.addAttribute("formError", messages.text("mentoring.person.notFound"));
            }
        }
        return form(model, values, officeId);
    }

    @PostMapping("/mentoring")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        Long student = id(params.getFirst("studentPersonId"));
        Long lead = id(params.getFirst("leadPersonId"));
        Long partner = id(params.getFirst("partnerPersonId"));
        Set<CareNeed> needs = EnumSet.noneOf(CareNeed.class);
        for (String n : params.getOrDefault("careNeeds", List.of())) {
            CareNeed need = enumOf(CareNeed.class, n);
            if (need != null) {
                needs.add(need);
            }
        }
        LocalDate started = date(params.getFirst("startedOn"), "startedOn", problems);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("studentPersonId", student);
        values.put("leadPersonId", lead);
        values.put("partnerPersonId", partner);
        values.put("startedOn", params.getFirst("startedOn"));
        values.put("careNeeds", needs);
        values.put("goals", params.getFirst("goals"));
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            long id = service.form(new NewPair(student, lead, partner, needs, params.getFirst("goals"), started));
            redirect.addFlashAttribute("flashSuccess", messages.text("mentoring.pair.formed"));
            return "redirect:/mentoring/pairs/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("mentoring.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return form(model, values, null);
    }

    private String form(Model model, Map<String, Object> values, Long officeId) {
        model.addAttribute("values", values);
        model.addAttribute("choices", service.formChoices());
        model.addAttribute("careNeeds", CareNeed.values());
        model.addAttribute("officeId", officeId);
        return "mentoring/form";
    }

    @GetMapping("/mentoring/pairs/{id}")
    String detail(@PathVariable long id, Model model) {
        PairDetail detail = service.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("pair", detail.pair());
        model.addAttribute("modes", HelpMode.values());
        model.addAttribute("outcomes", OutcomeKind.values());
        model.addAttribute("today", MentoringService.today());
        model.addAttribute("mePersonId", currentUsers.require().personId());
        if (!model.containsAttribute("helpValues")) {
            model.addAttribute("helpValues", Map.of("date", MentoringService.today().toString(), "mode", "TALK"));
        }
        if (!model.containsAttribute("checkInValues")) {
            model.addAttribute("checkInValues", Map.of("date", MentoringService.today().toString()));
        }
        model.addAttribute("helpRequestId", UUID.randomUUID().toString());
        model.addAttribute("checkInRequestId", UUID.randomUUID().toString());
        return "mentoring/detail";
    }

    @PostMapping("/mentoring/pairs/{id}/help-records")
    String logHelpRecord(@PathVariable long id, @RequestParam Map<String, String> params,
                         RedirectAttributes redirect) {
        String back = "me".equals(params.get("back")) ? "redirect:/me/mentoring" : "redirect:/mentoring/pairs/" + id;
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = date(params.get("date"), "date", problems);
        HelpMode mode = enumOf(HelpMode.class, params.get("mode"));
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            service.logHelpRecord(id, new NewHelpRecord(params.get("clientRequestId"), date, mode,
                    params.get("content"), params.get("nextStep")));
            redirect.addFlashAttribute("flashSuccess", messages.text("mentoring.helpRecord.logged"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            redirect.addFlashAttribute("formError", messages.text("mentoring.form.refused"));
            redirect.addFlashAttribute("helpValues", params);
            redirect.addFlashAttribute("errorPairId", id);
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return back;
    }

    @PostMapping("/mentoring/pairs/{id}/check-ins")
    String recordCheckIn(@PathVariable long id, @RequestParam Map<String, String> params,
                         RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = date(params.get("date"), "date", problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            service.recordCheckIn(id, new NewCheckIn(params.get("clientRequestId"), date, integer(params.get("study")),
                    integer(params.get("mood")), integer(params.get("dailyLife")), params.get("note")));
            redirect.addFlashAttribute("flashSuccess", messages.text("mentoring.checkIn.recorded"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            redirect.addFlashAttribute("formError", messages.text("mentoring.form.refused"));
            redirect.addFlashAttribute("checkInValues", params);
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/mentoring/pairs/" + id;
    }

    @PostMapping("/mentoring/pairs/{id}/close")
    String close(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = date(params.get("closedOn"), "closedOn", problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            service.close(id, new PairClosure(date, enumOf(OutcomeKind.class, params.get("outcomeKind")),
                    params.get("outcome")));
            redirect.addFlashAttribute("flashSuccess", messages.text("mentoring.pair.closedDone"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            redirect.addFlashAttribute("formError", messages.text("mentoring.form.refused"));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/mentoring/pairs/" + id;
    }

    @PostMapping("/mentoring/help-records/{id}/delete")
    String deleteHelpRecord(@PathVariable long id, @RequestParam long pairId, RedirectAttributes redirect) {
        try {
            service.deleteHelpRecord(id);
            redirect.addFlashAttribute("flashSuccess", messages.text("mentoring.helpRecord.deleted"));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/mentoring/pairs/" + pairId;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "mentoring.date.invalid"));
            return null;
        }
    }
}
