package cn.hongxin.events;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.hongxin.shared.UserFacingException;

/**
 * 投屏签到: the projector page (a QR code of a fresh signed token, refreshed by htmx, and the live count) and
 * the phone pages a scan leads to ({@code GET /signin?t=…} shows the event, {@code POST /signin} confirms).
 * An account that is not signed in is sent to the login page and, by Spring Security's saved request, back.
 */
@Controller
class QrSignInController {

    private final QrSignInService qr;
    private final EventService events;
    private final EventPageMessages messages;

    QrSignInController(QrSignInService qr, EventService events, EventPageMessages messages) {
        this.qr = qr;
        this.events = events;
        this.messages = messages;
    }

    @GetMapping("/events/{id}/projector")
    String projector(@PathVariable long id, Model model) {
        model.addAttribute("count", qr.count(id)); // 404 unless event:edit in scope
        model.addAttribute("event", events.get(id));
        code(id, model);
        return "events/projector";
    }

    /** 开始 from the projector page, back to it. */
    @PostMapping("/events/{id}/projector/start")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        try {
            events.start(id);
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/events/" + id + "/projector";
    }

    @GetMapping("/events/{id}/projector/code")
    String codeFragment(@PathVariable long id, Model model) {
        code(id, model);
        return "events/projector :: code";
    }

    @GetMapping("/events/{id}/projector/count")
    String countFragment(@PathVariable long id, Model model) {
        model.addAttribute("eventId", id);
        model.addAttribute("count", qr.count(id));
        return "events/projector :: count";
    }

    /** A fresh token as JSON (for tools and the benchmark); event:edit in scope, event under way. */
    @GetMapping(value = "/events/{id}/projector/token", produces = "application/json")
    @ResponseBody
    Map<String, Object> token(@PathVariable long id) {
        QrSignInService.Issued issued = qr.issue(id);
        return Map.of("eventId", id, "token", issued.token(), "url", scanUrl(issued.token()),
                "expiresAt", issued.expiresAt().toString());
    }

    private void code(long id, Model model) {
        model.addAttribute("eventId", id);
        try {
            QrSignInService.Issued issued = qr.issue(id);
            String url = scanUrl(issued.token());
            model.addAttribute("token", issued.token());
            model.addAttribute("scanUrl", url);
            model.addAttribute("qrSvg", QrCodes.svg(url));
        } catch (UserFacingException e) {
            model.addAttribute("codeError", messages.text(e));
        }
    }

    private static String scanUrl(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/signin").queryParam("t", token)
                .build().toUriString();
    }

    // ---- the phone --------------------------------------------------------------------------------

    @GetMapping("/signin")
    String scan(@RequestParam(name = "t", required = false) String token, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("preview", qr.preview(token, QrSignInGraceFilter.notedBeforeLogin(request, token)));
        } catch (UserFacingException e) {
            refuse(model, response, e);
        }
        return "events/signin";
    }

    @PostMapping("/signin")
    String confirm(@RequestParam(name = "t", required = false) String token,
                   @RequestParam(required = false) String eventId, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        model.addAttribute("token", token);
        try {
            QrSignInService.Confirmed done = qr.confirm(token, EventController.longOrNull(eventId),
                    QrSignInGraceFilter.notedBeforeLogin(request, token));
            model.addAttribute("done", done.attendance());
            model.addAttribute("preview", done.event());
            model.addAttribute("doneText", messages.text(done.attendance().newlyRecorded() ? "event.qr.done"
                    : "event.qr.already"));
        } catch (UserFacingException e) {
            refuse(model, response, e);
        }
        return "events/signin";
    }

    private void refuse(Model model, HttpServletResponse response, UserFacingException e) {
        model.addAttribute("refusal", messages.text(e));
        response.setStatus(e.messageKey().startsWith("event.qr.token") ? HttpServletResponse.SC_BAD_REQUEST
                : HttpServletResponse.SC_FORBIDDEN);
    }
}
