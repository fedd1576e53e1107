package cn.hongxin.compliance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.ComplianceViews.BehindList;
import cn.hongxin.compliance.ComplianceViews.HeatMap;

/**
 * The compliance pages: the programme's status ({@code /compliance}), the heat map branch by measure, who is behind
 * on a requirement (with its Excel export), and every person's checklist ({@code /me/checklist}).
 */
@Controller
class ComplianceController {

    static final int PAGE_SIZE = 20;
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final ComplianceService service;

    ComplianceController(ComplianceService service) {
        this.service = service;
    }

    @GetMapping("/compliance")
    @PreAuthorize("hasAuthority('compliance:view')")
    String status(@RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  @RequestParam(required = false) Long unit, Model model) {
        var status = service.status(kind(period), on, unit);
        model.addAttribute("status", status);
        model.addAttribute("breakdowns", service.breakdowns(kind(period), on, unit));
        selection(model, status.selection(), unit);
        return "compliance/status";
    }

    @GetMapping("/compliance/heat-map")
    @PreAuthorize("hasAuthority('compliance:view')")
    String heatMap(@RequestParam(required = false) String period,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                   @RequestParam(required = false) Long unit, Model model) {
        HeatMap map = service.heatMap(kind(period), on, unit);
        model.addAttribute("map", map);
        selection(model, map.selection(), unit);
        model.addAttribute("dataUrl", query("/compliance/heat-map/data", map.selection().kind(), on, unit));
        model.addAttribute("chartQuery", query("", map.selection().kind(), on, null).substring(1));
        model.addAttribute("chartHeight", Math.max(320, 140 + 40 * map.branches().size()));
        return "compliance/heat-map";
    }

    /** The heat map's data for the chart script. */
    @GetMapping(value = "/compliance/heat-map/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('compliance:view')")
    @ResponseBody
    HeatMap heatMapData(@RequestParam(required = false) String period,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                        @RequestParam(required = false) Long unit) {
        return service.heatMap(kind(period), on, unit);
    }

    /** A heat map cell: the branch's who-is-behind for the measure's first lagging requirement. */
    @GetMapping("/compliance/measures/{id}/behind")
    @PreAuthorize("hasAuthority('compliance:view')")
    String measureBehind(@PathVariable long id, @RequestParam(required = false) String period,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                         @RequestParam(required = false) Long unit) {
        PeriodKind k = kind(period);
        long requirement = service.firstLagging(id, k, on, unit);
        return "redirect:" + query("/compliance/requirements/" + requirement + "/behind", k, on, unit);
    }

    @GetMapping("/compliance/requirements/{id}/behind")
    @PreAuthorize("hasAuthority('compliance:view')")
    String behind(@PathVariable long id, @RequestParam(required = false) String period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lookedAt,
                  @RequestParam(required = false) Long unit, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        String name = NameFilter.term(q);
        BehindList list = service.behind(id, kind(period), on, lookedAt, unit, name, page, PAGE_SIZE);
        model.addAttribute("list", list);
        model.addAttribute("measure", service.measure(id));
        model.addAttribute("siblings", service.siblings(id));
        model.addAttribute("page", new PageImpl<>(list.page().rows(),
                PageRequest.of(list.page().page(), list.page().size()), list.page().total()));
        selection(model, list.selection(), unit);
        model.addAttribute("nameSearch", name == null ? "" : name);
        model.addAttribute("breakdown", service.breakdown(id, kind(period), on, unit).orElse(null));
        LocalDate later = list.lookedAt().isAfter(list.selection().asOf()) ? list.lookedAt() : null;
        model.addAttribute("lookedAt", later);
        model.addAttribute("baseUrl", withName(lookedAt(query("/compliance/requirements/" + id + "/behind",
                list.selection().kind(), on, unit), later), name));
        model.addAttribute("exportUrl", withName(lookedAt(query("/compliance/requirements/" + id + "/behind/export",
                list.selection().kind(), on, unit), later), name));
        return "compliance/behind";
    }

    @GetMapping("/compliance/requirements/{id}/behind/export")
    @PreAuthorize("hasAuthority('compliance:export')")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String period,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lookedAt,
                                  @RequestParam(required = false) Long unit,
                                  @RequestParam(required = false) String q, Locale locale) {
        byte[] body = service.exportBehind(id, kind(period), on, lookedAt, unit, q, locale);
        String name = (locale.getLanguage().equals("en") ? "behind_" : "未完成名单_") + id + "_"
                + LocalDateTime.now().format(STAMP) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/me/checklist")
    String checklist(Model model) {
        List<ChecklistEntry> entries = service.myChecklist(LocalDate.now()).stream().map(ChecklistEntry::of).toList();
        model.addAttribute("todo", entries.stream().filter(e -> !e.done())
                .sorted(java.util.Comparator.comparingInt((ChecklistEntry e) -> switch (e.verdict()) {
                    case BEHIND -> 0;
                    case NOT_YET_DUE -> 1;
                    default -> 2;
                }).thenComparing(ChecklistEntry::deadline)).toList());
        model.addAttribute("done", entries.stream().filter(ChecklistEntry::done).toList());
        model.addAttribute("linked", service.hasPerson());
        return "compliance/checklist";
    }

    // ----------------------------------------------------------------

    private void selection(Model model, ComplianceViews.Selection sel, Long unit) {
        model.addAttribute("selection", sel);
        model.addAttribute("units", service.units());
        model.addAttribute("kinds", List.of(PeriodKind.MONTH, PeriodKind.SEMESTER, PeriodKind.YEAR));
        model.addAttribute("unitId", unit);
    }

    static PeriodKind kind(String period) {
        if (period == null || period.isBlank()) {
            return PeriodKind.SEMESTER;
        }
        try {
            return PeriodKind.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return PeriodKind.SEMESTER;
        }
    }

    static String query(String path, PeriodKind kind, LocalDate on, Long unit) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path).queryParam("period", kind.name());
        if (on != null) {
            b.queryParam("on", on);
        }
        if (unit != null) {
            b.queryParam("unit", unit);
        }
        return b.build().toUriString();
    }

    /** The url with the name search added (encoded), when there is one. */
    static String withName(String url, String name) {
        return name == null ? url : UriComponentsBuilder.fromUriString(url).queryParam("q", name).encode().build()
                .toUriString();
    }

    /** The url with the later day a closed month is looked back at from, when there is one. */
    static String lookedAt(String url, LocalDate lookedAt) {
        return lookedAt == null ? url : UriComponentsBuilder.fromUriString(url).queryParam("lookedAt", lookedAt).build()
                .toUriString();
    }
}
