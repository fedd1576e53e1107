package cn.hongxin.outreach;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
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
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/** 健康宣讲记录: the health-talk events with their outreach details, recording a talk, adding details to one. */
@Controller
@RequestMapping("/outreach/talks")
class TalkController {

    static final int PAGE_SIZE = 20;

    private final TalkService talks;
    private final TeamService team;
    private final OutreachScope scope;
    private final OutreachPageMessages messages;

    TalkController(TalkService talks, TeamService team, OutreachScope scope, OutreachPageMessages messages) {
        this.talks = talks;
        this.team = team;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "0") String page, Model model) {
        LocalDate a = dateOrNull(from);
        LocalDate b = dateOrNull(to);
        int pageNo;
        try {
            pageNo = Math.max(0, Math.min(Integer.parseInt(page.strip()), 10_000));
        } catch (NumberFormatException e) {
            pageNo = 0;
        }
        Page<TalkView> found = talks.page(a, b, pageNo, PAGE_SIZE);
        StringBuilder search = new StringBuilder();
        if (a != null) {
            search.append("&from=").append(a);
        }
        if (b != null) {
            search.append("&to=").append(b);
        }
        model.addAttribute("page", found);
        model.addAttribute("from", a);
        model.addAttribute("to", b);
        model.addAttribute("filtered", !search.isEmpty());
        model.addAttribute("baseUrl", "/outreach/talks" + (search.isEmpty() ? "" : "?" + search.substring(1)));
        model.addAttribute("reached", found.getContent().stream().filter(t -> t.audience() != null)
                .mapToInt(TalkView::audience).sum());
        return "outreach/talks";
    }

    @GetMapping("/new")
    String newTalk(Model model) {
        return form(model, new RecordTalk(UUID.randomUUID().toString(), defaultUnit(), null, null, null, null,
                TalkSetting.CAMPUS, null, null, List.of(), true));
    }

    @PostMapping
    String record(@ModelAttribute("form") RecordTalk form, Model model, RedirectAttributes redirect) {
        try {
            RecordedTalk r = talks.record(form);
            redirect.addFlashAttribute("flashSuccess", messages.text(r.created() ? "outreach.talk.recorded"
                    : "outreach.talk.alreadyRecorded", r.talk().title()));
            return "redirect:/outreach/talks";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("outreach.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return form(model, form);
    }

    @GetMapping("/{eventId}/details")
    String details(@PathVariable long eventId, Model model) {
        TalkView t = talks.get(eventId);
        return detailsForm(model, t, new TalkDetailsForm(t.setting() == null ? TalkSetting.CAMPUS : t.setting(),
                t.topic() == null ? t.title() : t.topic(), t.audience(), t.speakerPersonIds()));
    }

    @PostMapping("/{eventId}/details")
    String saveDetails(@PathVariable long eventId, @ModelAttribute("form") TalkDetailsForm form, Model model,
                       RedirectAttributes redirect) {
        TalkView t = talks.get(eventId);
        try {
            talks.saveDetails(eventId, form);
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
            return "redirect:/outreach/talks";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("outreach.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return detailsForm(model, t, form);
    }

    private String form(Model model, RecordTalk form) {
        model.addAttribute("form", form);
        model.addAttribute("units", scope.partyUnits());
        model.addAttribute("speakers", team.active());
        model.addAttribute("settings", TalkSetting.values());
        return "outreach/talk-form";
    }

    private String detailsForm(Model model, TalkView talk, TalkDetailsForm form) {
        model.addAttribute("talk", talk);
        model.addAttribute("form", form);
        model.addAttribute("speakers", team.active());
        model.addAttribute("settings", TalkSetting.values());
        return "outreach/talk-details";
    }

    private Long defaultUnit() {
        List<OrgUnitView> units = scope.partyUnits();
        return units.stream().filter(u -> u.branchKind() == BranchKind.TEACHERS).findFirst()
                .or(() -> units.stream().findFirst()).map(OrgUnitView::id).orElse(null);
    }

    private static LocalDate dateOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
