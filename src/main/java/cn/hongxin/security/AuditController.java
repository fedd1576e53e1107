package cn.hongxin.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 审计日志 for the security auditor only: the trail filtered by actor, action, object type and dates
 * (Beijing time, both days included), newest first, and the integrity check of the hash chain.
 */
@Controller
@RequestMapping("/system/audit")
@PreAuthorize("hasAuthority('sys:audit:read')")
class AuditController {

    /** The object types the services record, for the filter. */
    static final List<String> OBJECT_TYPES = List.of("account", "access_token", "org_unit", "person",
            "post_assignment", "academic_year", "semester", "calendar_period", "audit_entry");

    private static final int PAGE_SIZE = 30;

    private final AuditTrail audit;
    private final PageSupport pages;

    AuditController(AuditTrail audit, PageSupport pages) {
        this.audit = audit;
        this.pages = pages;
    }

    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return PageSupport.ZONE;
    }

    @GetMapping
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String objectType, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        Optional<LocalDate> fromDate = date(from, "from", model);
        Optional<LocalDate> toDate = date(to, "to", model);
        Instant fromInstant = fromDate.map(d -> d.atStartOfDay(PageSupport.ZONE).toInstant()).orElse(null);
        Instant toInstant = toDate.map(d -> d.plusDays(1).atStartOfDay(PageSupport.ZONE).toInstant()).orElse(null);
        String actionFilter = action != null && java.util.Arrays.stream(AuditAction.values())
                .anyMatch(a -> a.name().equals(action)) ? action : "";
        Page<AuditEntryView> found = audit.search(actor, actionFilter, objectType, fromInstant, toInstant, page,
                PAGE_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("actor", actor == null ? "" : actor);
        model.addAttribute("action", actionFilter);
        model.addAttribute("objectType", objectType == null ? "" : objectType);
        model.addAttribute("from", fromDate.map(LocalDate::toString).orElse(""));
        model.addAttribute("to", toDate.map(LocalDate::toString).orElse(""));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("objectTypes", OBJECT_TYPES);
        model.addAttribute("baseUrl", PageSupport.listUrl("/system/audit", "actor", actor, "action", actionFilter,
                "objectType", objectType, "from", from, "to", to));
        return "security/audit";
    }

    /** Walks the hash chain; the result is shown once on the list. */
    @PostMapping("/verify")
    String verify(RedirectAttributes redirect) {
        Optional<Long> broken = audit.verify();
        redirect.addFlashAttribute("verified", true);
        redirect.addFlashAttribute("brokenAt", broken.orElse(null));
        return "redirect:/system/audit";
    }

    private Optional<LocalDate> date(String raw, String field, Model model) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            model.addAttribute("formError", pages.text("audit.date.invalid", raw.strip()));
            return Optional.empty();
        }
    }
}
