package cn.hongxin.evaluation;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.hongxin.evaluation.EvaluationViews.Dashboard;

/** The outcome dashboard ({@code /evaluation}): did our brand work this semester? */
@Controller
class EvaluationController {

    private final EvaluationService service;

    EvaluationController(EvaluationService service) {
        this.service = service;
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
}
