package cn.hongxin.submissions;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * 提交审核: the queue of submissions of people in the reviewer's scope, filtered by kind, state and unit,
 * with 通过 and 退回 (a reason required) on each row. Out-of-scope ids are 404 through the service.
 */
@Controller
@RequestMapping("/submissions/review")
class SubmissionReviewController {

    static final int PAGE_SIZE = 20;

    private final SubmissionService service;
    private final OrgUnitService units;
    private final CurrentUsers currentUsers;
    private final SubmissionMessages messages;

    SubmissionReviewController(SubmissionService service, OrgUnitService units, CurrentUsers currentUsers,
                               SubmissionMessages messages) {
        this.service = service;
        this.units = units;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                 @RequestParam(required = false) String unitId, @RequestParam(defaultValue = "0") String page,
                 Model model) {
        var user = currentUsers.require(Permission.SUBMISSION_REVIEW);
        SubmissionState st = state == null ? SubmissionState.SUBMITTED : stateOf(state);
        SubmissionQuery query = new SubmissionQuery(MySubmissionsController.kindOf(kind), st,
                MySubmissionsController.longOrNull(unitId));
        int pageNo = Math.max(0, intOr(page));
        Page<SubmissionView> found = service.pending(query, pageNo, PAGE_SIZE);
        if (pageNo > 0 && pageNo >= found.getTotalPages() && found.getTotalPages() > 0) {
            found = service.pending(query, found.getTotalPages() - 1, PAGE_SIZE);
        }
        String search = searchParams(query);
        model.addAttribute("query", query);
        model.addAttribute("page", found);
        model.addAttribute("kinds", SubmissionKind.values());
        model.addAttribute("states", SubmissionState.values());
        model.addAttribute("units", units.visibleFor(Permission.SUBMISSION_REVIEW));
        model.addAttribute("myPersonId", user.personId());
        model.addAttribute("baseUrl", "/submissions/review" + search);
        model.addAttribute("back", "/submissions/review" + search);
        return "submissions/review";
    }

    @PostMapping("/{id}/verify")
    String verify(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            service.verify(id);
            redirect.addFlashAttribute("flashSuccess", messages.text("submission.verified"));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:" + safeBack(back);
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            service.reject(id, reason);
            redirect.addFlashAttribute("flashSuccess", messages.text("submission.rejected"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("formError", messages.fieldErrors(e.problems()).values().iterator().next());
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:" + safeBack(back);
    }

    /** Back to the queue as it was filtered; never anywhere else. */
    static String safeBack(String back) {
        if (back != null && back.startsWith("/submissions/review") && !back.contains("//") && !back.contains("\\")) {
            return back;
        }
        return "/submissions/review";
    }

    private static SubmissionState stateOf(String value) {
        if (value.isBlank() || "ALL".equals(value)) {
            return null;
        }
        try {
            return SubmissionState.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return SubmissionState.SUBMITTED;
        }
    }

    private static String searchParams(SubmissionQuery query) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        if (query.kind() != null) {
            b.queryParam("kind", query.kind().name());
        }
        b.queryParam("state", query.state() == null ? "ALL" : query.state().name());
        if (query.unitId() != null) {
            b.queryParam("unitId", query.unitId());
        }
        return b.encode().build().toUriString();
    }

    private static int intOr(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
