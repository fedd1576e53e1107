package cn.hongxin.events;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import cn.hongxin.shared.UserFacingException;

/**
 * 投屏签到: the projector page (a QR code of a fresh signed token, refreshed by htmx, and the live count) and
 * the phone pages a scan leads to ({@code GET /signin?t=…} shows the event, {@code POST /signin} confirms).
 * An account that is not signed in is sent to the login page and, by Spring Security's saved request, back.
 */
@Controller
class QrSignInController {

    private static final String PAGE = "events/signin";
    /** Stand-ins for the per-request parts of a cached phone page: letters only, unchanged by HTML or URL encoding. */
    private static final String TOKEN_MARK = "hxQrSignInTokenMark";
    private static final String CSRF_MARK = "hxQrSignInCsrfMark";
    private static final Pattern CSRF_VALUE = Pattern.compile("(name=\"_csrf\"[^>]*value=\")([^\"]*)(\")");
    /** What a token we issued looks like (a forged one never reaches a cached page: it is refused first). */
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final int MAX_PAGES = 512;

    private final QrSignInService qr;
    private final EventService events;
    private final EventPageMessages messages;
    private final ThymeleafViewResolver views;
    /**
     * The phone's scan and answer pages as rendered by the template, keyed by what they show (language, event, the
     * state of the sign-in), with the scanned token and the CSRF token left as marks; each request fills in its own.
     * A whole meeting scans the same code at once, so every phone but the first is answered without a template
     * render, which was the largest cost of a sign-in (docs/benchmarks.md).
     */
    private final Map<PageKey, CachedPage> pages = new ConcurrentHashMap<>();

    private record PageKey(Locale locale, QrSignInService.Preview preview, boolean done, String doneText) {
    }

    /**
     * A cached page cut at its marks once: UTF-8 pieces with a mark between each two ({@code marks[i]} follows
     * {@code pieces[i]}), so a request writes the pieces and its own token and CSRF value without searching the page.
     */
    record CachedPage(byte[][] pieces, String[] marks) {

        private static final Pattern MARK = Pattern.compile(TOKEN_MARK + "|" + CSRF_MARK);

        static CachedPage of(String html) {
            List<byte[]> pieces = new ArrayList<>();
            List<String> marks = new ArrayList<>();
            Matcher m = MARK.matcher(html);
            int from = 0;
            while (m.find()) {
                pieces.add(html.substring(from, m.start()).getBytes(StandardCharsets.UTF_8));
                marks.add(m.group());
                from = m.end();
            }
            pieces.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
            return new CachedPage(pieces.toArray(byte[][]::new), marks.toArray(String[]::new));
        }

        boolean hasCsrf() {
            return Arrays.asList(marks).contains(CSRF_MARK);
        }

        /** The page with {@code token} and {@code csrf} (HTML-escaped already) in place of their marks. */
        byte[] fill(String token, String csrf) {
            byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
            byte[] csrfBytes = csrf == null ? new byte[0] : csrf.getBytes(StandardCharsets.UTF_8);
            int length = 0;
            for (byte[] piece : pieces) {
                length += piece.length;
            }
            for (String mark : marks) {
                length += mark.equals(TOKEN_MARK) ? tokenBytes.length : csrfBytes.length;
            }
            byte[] out = new byte[length];
            int at = 0;
            for (int i = 0; i < pieces.length; i++) {
                System.arraycopy(pieces[i], 0, out, at, pieces[i].length);
                at += pieces[i].length;
                if (i < marks.length) {
                    byte[] value = marks[i].equals(TOKEN_MARK) ? tokenBytes : csrfBytes;
                    System.arraycopy(value, 0, out, at, value.length);
                    at += value.length;
                }
            }
            return out;
        }
    }

    QrSignInController(QrSignInService qr, EventService events, EventPageMessages messages,
                       ThymeleafViewResolver views) {
        this.qr = qr;
        this.events = events;
        this.messages = messages;
        this.views = views;
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
        QrSignInService.Preview preview;
        try {
            preview = qr.preview(token, QrSignInGraceFilter.notedBeforeLogin(request, token));
        } catch (UserFacingException e) {
            refuse(model, response, e);
            return PAGE;
        }
        model.addAttribute("preview", preview);
        return page(new PageKey(RequestContextUtils.getLocale(request), preview, false, null), token, model, request,
                response);
    }

    @PostMapping("/signin")
    String confirm(@RequestParam(name = "t", required = false) String token,
                   @RequestParam(required = false) String eventId, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        model.addAttribute("token", token);
        QrSignInService.Confirmed done;
        try {
            done = qr.confirm(token, EventController.longOrNull(eventId),
                    QrSignInGraceFilter.notedBeforeLogin(request, token));
        } catch (UserFacingException e) {
            refuse(model, response, e);
            return PAGE;
        }
        String doneText = messages.text(done.attendance().newlyRecorded() ? "event.qr.done" : "event.qr.already");
        model.addAttribute("done", done.attendance());
        model.addAttribute("preview", done.event());
        model.addAttribute("doneText", doneText);
        return page(new PageKey(RequestContextUtils.getLocale(request), done.event(), true, doneText), token, model,
                request, response);
    }

    /**
     * Answers with the cached page of {@code key}, rendering it once through the template (with marks for the token
     * and the CSRF token) when it is not cached yet; returns null when it wrote the answer, else the view to render
     * as usual (a token of unexpected shape, a page whose CSRF field cannot be filled in).
     */
    private String page(PageKey key, String token, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        if (token == null || !PLAIN_TOKEN.matcher(token).matches()) {
            return PAGE;
        }
        try {
            CachedPage page = pages.get(key);
            if (page == null) {
                if (pages.size() >= MAX_PAGES) {
                    pages.clear();
                }
                // The first phones of a meeting arrive together: one renders, the others wait for its page.
                page = pages.computeIfAbsent(key, k -> {
                    String html = render(k.locale(), model, request, response);
                    return html == null ? null : CachedPage.of(html);
                });
                if (page == null) {
                    return PAGE;
                }
            }
            String csrfValue = null;
            if (page.hasCsrf()) {
                if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf)) {
                    return PAGE;
                }
                csrfValue = HtmlUtils.htmlEscape(csrf.getToken());
            }
            byte[] html = page.fill(token, csrfValue);
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(html.length);
            response.getOutputStream().write(html);
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("the sign-in page could not be written", e);
        }
    }

    /** The page rendered by the template with marks in place of the token and the CSRF token; null if unusable. */
    private String render(Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            return renderMarked(locale, model, request, response);
        } catch (Exception e) {
            throw new IllegalStateException("the sign-in page could not be rendered", e);
        }
    }

    private String renderMarked(Locale locale, Model model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        View view = views.resolveViewName(PAGE, locale);
        if (view == null) {
            return null;
        }
        Map<String, Object> marked = new java.util.HashMap<>(model.asMap());
        marked.put("token", TOKEN_MARK);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        view.render(marked, request, captured);
        captured.getWriter().flush();
        String encoding = captured.getCharacterEncoding();
        String html = new String(captured.getContentAsByteArray(),
                encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
        Matcher csrf = CSRF_VALUE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (csrf.find()) {
            csrf.appendReplacement(out, Matcher.quoteReplacement(csrf.group(1) + CSRF_MARK + csrf.group(3)));
        }
        csrf.appendTail(out);
        html = out.toString();
        // Never keep a page holding this request's own CSRF token (a CSRF field the pattern did not find).
        boolean csrfMarked = !html.contains("_csrf") || html.contains(CSRF_MARK);
        return html.contains(TOKEN_MARK) && csrfMarked ? html : null;
    }

    private void refuse(Model model, HttpServletResponse response, UserFacingException e) {
        model.addAttribute("refusal", messages.text(e));
        response.setStatus(e.messageKey().startsWith("event.qr.token") ? HttpServletResponse.SC_BAD_REQUEST
                : HttpServletResponse.SC_FORBIDDEN);
    }
}
