package cn.hongxin.events;

import java.time.Instant;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.UserFacingException;

/**
 * 日历订阅: one's calendar feeds (create, the URL shown once, revoke), and the feed itself at
 * {@code GET /calendar/<secret>.ics}, which calendar apps fetch without signing in (the security
 * configuration permits that path; an unknown or revoked secret is a 404).
 */
@Controller
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarFeedService feeds;
    private final OrgUnitService units;
    private final CurrentUsers currentUsers;
    private final IcsWriter ics;
    private final EventPageMessages messages;

    CalendarFeedController(CalendarFeedService feeds, OrgUnitService units, CurrentUsers currentUsers, IcsWriter ics,
                           EventPageMessages messages) {
        this.feeds = feeds;
        this.units = units;
        this.currentUsers = currentUsers;
        this.ics = ics;
        this.messages = messages;
    }

    @GetMapping("/me/calendar-feeds")
    String list(Model model) {
        CurrentUser user = currentUsers.require();
        model.addAttribute("feeds", feeds.mine());
        model.addAttribute("personal", user.personId() != null);
        model.addAttribute("units", user.has(Permission.EVENT_VIEW) ? units.visibleFor(Permission.EVENT_VIEW) : List.of());
        model.addAttribute("zone", EventService.ZONE);
        return "events/calendar-feeds";
    }

    @PostMapping("/me/calendar-feeds")
    String create(@RequestParam(defaultValue = "PERSON") String scope, @RequestParam(required = false) Long unitId,
                  RedirectAttributes redirect) {
        try {
            CalendarFeedService.IssuedFeed issued = "ORG_UNIT".equals(scope)
                    ? feeds.createForUnit(unitId == null ? -1 : unitId) : feeds.createPersonal();
            String https = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/calendar/{secret}.ics").buildAndExpand(issued.secret()).toUriString();
            redirect.addFlashAttribute("feedUrl", https);
            redirect.addFlashAttribute("webcalUrl", https.replaceFirst("^https?://", "webcal://"));
            redirect.addFlashAttribute("flashSuccess", messages.text("calendarFeed.created"));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/me/calendar-feeds";
    }

    @PostMapping("/me/calendar-feeds/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        feeds.revoke(id);
        redirect.addFlashAttribute("flashSuccess", messages.text("calendarFeed.revoked"));
        return "redirect:/me/calendar-feeds";
    }

    @GetMapping("/calendar/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return feeds.eventsFor(secret, Instant.now())
                .map(list -> ResponseEntity.ok().contentType(TEXT_CALENDAR)
                        .cacheControl(CacheControl.noStore())
                        .header("X-Robots-Tag", "noindex")
                        .body(ics.write(list, messages.text("calendarFeed.calendarName"), base,
                                LocaleContextHolder.getLocale())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
