package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.security.Permission;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.Refusals;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.hongxin.evaluation.EvaluationViews.Dashboard;

/**
 * The evaluation pages: the outcome dashboard ({@code /evaluation}), member points and the points table
 * ({@code /evaluation/points}), a member's profile ({@code /evaluation/members/{id}}) and every member's own
 * points ({@code /me/points}).
 */
@Controller
class EvaluationController {

    private final EvaluationService service;
    private final PointsService points;
    private final MessageSource messages;

    EvaluationController(EvaluationService service, PointsService points, MessageSource messages) {
        this.service = service;
        this.points = points;
        this.messages = messages;
    }

    @GetMapping("/evaluation")
    @PreAuthorize("hasAuthority('evaluation:view')")
    String dashboard(@RequestParam(required = false) Long unit,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                     Model model) {
        Dashboard d = service.dashboard(unit, on);
        model.addAttribute("d", d);
        model.addAttribute("silentDays", EvaluationService.SILENT_DAYS);
        return "evaluation/dashboard";
    }

    @GetMapping("/evaluation/points")
    @PreAuthorize("hasAuthority('evaluation:view')")
    String points(@RequestParam(required = false) Long unit,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  Model model) {
        model.addAttribute("ranking", points.ranking(unit, on));
        model.addAttribute("units", service.units());
        model.addAttribute("rules", points.rules());
        model.addAttribute("capPeriods", PeriodKind.values());
        return "evaluation/points";
    }

    @PostMapping("/evaluation/points/rules/{id}")
    @PreAuthorize("hasAuthority('brand:edit')")
    String updateRule(@PathVariable long id, @RequestParam(required = false) BigDecimal points,
                      @RequestParam(required = false) BigDecimal cap,
                      @RequestParam(required = false) PeriodKind capPeriod, RedirectAttributes redirect,
                      Authentication auth) {
        try {
            this.points.updateRule(id, points, cap, capPeriod);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.problems().stream().map(p -> Refusals.text(messages, p))
                    .collect(Collectors.joining(" ")));
        }
        return canView(auth) ? "redirect:/evaluation/points#rules" : "redirect:/evaluation/points/rules";
    }

    /** The points table alone, for whoever may read it: those who view the evaluation or edit the brand. */
    @GetMapping("/evaluation/points/rules")
    @PreAuthorize("hasAnyAuthority('evaluation:view', 'brand:edit')")
    String rules(Model model) {
        model.addAttribute("rules", points.rules());
        model.addAttribute("capPeriods", PeriodKind.values());
        return "evaluation/rules";
    }

    private static boolean canView(Authentication auth) {
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> Permission.EVALUATION_VIEW.authority().equals(a.getAuthority()));
    }

    @GetMapping("/evaluation/members/{id}")
    @PreAuthorize("hasAuthority('evaluation:view')")
    String member(@PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  Model model) {
        model.addAttribute("profile", points.profile(id, on));
        model.addAttribute("own", false);
        return "evaluation/profile";
    }

    /** Every member's own points: this semester, last semester or the academic year (relative to {@code on}). */
    @GetMapping("/me/points")
    String mine(@RequestParam(required = false) PointsViews.PeriodChoice period,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                Model model) {
        PointsViews.MyPoints mine = points.myPoints(period, on).orElse(null);
        model.addAttribute("mine", mine);
        model.addAttribute("onDay", on);
        model.addAttribute("profile", mine == null ? null : mine.profile());
        model.addAttribute("own", true);
        return "evaluation/profile";
    }
}
