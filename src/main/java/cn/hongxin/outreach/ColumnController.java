package cn.hongxin.outreach;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.events.EventService;
import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PersonQuery;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * 校报健康专栏: the month's editorial calendar and the list of its pieces, new issues, planning a piece, a piece's
 * page (article upload, state buttons with the reason for a step back, history).
 */
@Controller
@RequestMapping("/outreach/column")
class ColumnController {

    private final ColumnService column;
    private final TeamService team;
    private final OutreachScope scope;
    private final PersonService people;
    private final OutreachPageMessages messages;

    ColumnController(ColumnService column, TeamService team, OutreachScope scope, PersonService people,
                     OutreachPageMessages messages) {
        this.column = column;
        this.team = team;
        this.scope = scope;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping
    String month(@RequestParam(required = false) String month, Model model) {
        YearMonth m = monthOrNow(month);
        ColumnMonth calendar = column.month(m);
        model.addAttribute("calendar", calendar);
        model.addAttribute("states", PieceState.values());
        if (!model.containsAttribute("issueForm")) {
            model.addAttribute("issueForm", new ColumnIssueForm(defaultUnit(), null, null, null));
        }
        model.addAttribute("units", scope.partyUnits());
        return "outreach/column";
    }

    @PostMapping("/issues")
    String addIssue(@ModelAttribute("issueForm") ColumnIssueForm form, Model model, RedirectAttributes redirect) {
        try {
            ColumnIssueView issue = column.addIssue(form);
            redirect.addFlashAttribute("flashSuccess", messages.text("outreach.issue.added", issue.issueNo()));
            return "redirect:/outreach/column?month=" + YearMonth.from(issue.issueDate());
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("outreach.form.refused"));
            model.addAttribute("issueFormOpen", true);
        }
        return month(form.issueDate() == null ? null : YearMonth.from(form.issueDate()).toString(), model);
    }

    @GetMapping("/pieces/new")
    String newPiece(@RequestParam(required = false) Long issueId, Model model) {
        return pieceForm(model, new ColumnPieceForm(issueId, null, null), null);
    }

    @PostMapping("/pieces")
    String plan(@ModelAttribute("form") ColumnPieceForm form, Model model, RedirectAttributes redirect) {
        try {
            ColumnPieceView p = column.plan(form);
            redirect.addFlashAttribute("flashSuccess", messages.text("outreach.piece.planned", p.topic()));
            return "redirect:/outreach/column/pieces/" + p.id();
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("outreach.form.refused"));
        }
        return pieceForm(model, form, null);
    }

    @GetMapping("/pieces/{id}")
    String piece(@PathVariable long id, Model model) {
        model.addAttribute("piece", column.get(id));
        model.addAttribute("history", column.history(id));
        model.addAttribute("today", LocalDate.now(EventService.ZONE));
        return "outreach/piece";
    }

    @GetMapping("/pieces/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ColumnPieceView p = column.get(id);
        return pieceForm(model, new ColumnPieceForm(p.issueId(), p.topic(), p.authorPersonId()), p);
    }

    @PostMapping("/pieces/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ColumnPieceForm form, Model model,
                  RedirectAttributes redirect) {
        ColumnPieceView p = column.get(id);
        try {
            column.update(id, form);
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
            return "redirect:/outreach/column/pieces/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("outreach.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return pieceForm(model, form, p);
    }

    @PostMapping("/pieces/{id}/move")
    String move(@PathVariable long id, @ModelAttribute PieceMove move, RedirectAttributes redirect) {
        try {
            ColumnPieceView p = column.move(id, move);
            redirect.addFlashAttribute("flashSuccess",
                    messages.text("outreach.piece.moved." + p.state().name(), p.topic()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("formError", messages.firstProblem(e.problems()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/outreach/column/pieces/" + id;
    }

    @PostMapping("/pieces/{id}/article")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect) {
        column.get(id);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("formError", messages.text("outreach.piece.article.missing"));
            return "redirect:/outreach/column/pieces/" + id;
        }
        try (InputStream in = file.getInputStream()) {
            column.attach(id, file.getOriginalFilename(), in);
            redirect.addFlashAttribute("flashSuccess", messages.text("outreach.piece.article.attached"));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        } catch (IOException e) {
            redirect.addFlashAttribute("formError", messages.text("outreach.piece.article.missing"));
        }
        return "redirect:/outreach/column/pieces/" + id;
    }

    @PostMapping("/pieces/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        ColumnPieceView p = column.get(id);
        try {
            column.delete(id);
            redirect.addFlashAttribute("flashSuccess", messages.text("common.deleted"));
            return "redirect:/outreach/column?month=" + YearMonth.from(p.issueDate());
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
            return "redirect:/outreach/column/pieces/" + id;
        }
    }

    private String pieceForm(Model model, ColumnPieceForm form, ColumnPieceView piece) {
        LocalDate today = LocalDate.now(EventService.ZONE);
        List<ColumnIssueView> issues = column.issues(today.minusMonths(6).withDayOfMonth(1), today.plusMonths(6));
        model.addAttribute("form", form);
        model.addAttribute("piece", piece);
        model.addAttribute("issues", issues);
        List<TeamMemberView> members = team.active();
        java.util.Set<Long> inTeam = members.stream().map(TeamMemberView::personId)
                .collect(java.util.stream.Collectors.toSet());
        model.addAttribute("teamMembers", members);
        model.addAttribute("otherPeople", people.search(new PersonQuery(null, null, null, PersonType.TEACHER, false), 0,
                500).getContent().stream().filter(p -> !inTeam.contains(p.id())).toList());
        return "outreach/piece-form";
    }

    private Long defaultUnit() {
        List<OrgUnitView> units = scope.partyUnits();
        return units.stream().filter(u -> u.branchKind() == BranchKind.TEACHERS).findFirst()
                .or(() -> units.stream().findFirst()).map(OrgUnitView::id).orElse(null);
    }

    private static YearMonth monthOrNow(String value) {
        if (value != null && !value.isBlank()) {
            try {
                return YearMonth.parse(value.strip());
            } catch (DateTimeParseException e) {
                // fall through to this month
            }
        }
        return YearMonth.now(EventService.ZONE);
    }
}
