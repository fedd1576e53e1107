package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.ComplianceViews.BehindList;
import cn.hongxin.compliance.ComplianceViews.HeatMap;
import cn.hongxin.compliance.ComplianceViews.RequirementStatus;

/**
 * Compliance over the API: a requirement's status, the heat map, who is behind (all need {@code compliance:view}
 * and stay in the caller's data scope: a unit outside it answers 404), and the caller's own checklist.
 */
@RestController
@Tag(name = "Compliance", description = "The programme's status, the heat map, who is behind, my checklist")
class ComplianceApiController {

    /** A requirement's verdict counts in its period containing the day asked for. */
    record StatusJson(long requirementId, String code, String nameZh, String nameEn, String period, LocalDate opensOn,
                      LocalDate closesOn, LocalDate asOf, boolean applicable, VerdictCounts counts, Double rate) {
    }

    /** A subject behind on a requirement. */
    record BehindJson(String subjectType, long subjectId, String name, Long branchId, String unitName,
                      BigDecimal progress, BigDecimal threshold, Verdict verdict) {
    }

    /** One page of who is behind, with the deadline. */
    record BehindPageJson(long requirementId, String period, LocalDate deadline, LocalDate asOf,
                          List<BehindJson> content, int page, int size, long totalElements, LocalDate lookedAt) {
    }

    private final ComplianceService service;

    ComplianceApiController(ComplianceService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/compliance/requirements/{id}/status")
    @Operation(summary = "A requirement's verdict counts (met, behind, missed, not yet due) and rate")
    StatusJson status(@PathVariable long id,
                      @Parameter(description = "MONTH, QUARTER, SEMESTER (default) or YEAR") @RequestParam(required = false) PeriodKind period,
                      @Parameter(description = "A day in the period (default today)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                      @Parameter(description = "Only this org unit's subtree") @RequestParam(required = false) Long unit) {
        RequirementStatus s = service.requirementStatus(id, period, on, unit);
        LocalDate asOf = service.select(period, on, unit).asOf();
        return new StatusJson(s.requirement().id(), s.requirement().code(), s.requirement().nameZh(),
                s.requirement().nameEn(), s.period() == null ? null : s.period().label(), s.opensOn(), s.closesOn(),
                asOf, s.applicable(), s.counts(), s.counts().rate());
    }

    @GetMapping("/api/v1/compliance/heat-map")
    @Operation(summary = "Branch by measure: the verdict counts of each branch's subjects on each measure")
    HeatMap heatMap(@RequestParam(required = false) PeriodKind period,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    @RequestParam(required = false) Long unit) {
        return service.heatMap(period, on, unit);
    }

    @GetMapping("/api/v1/compliance/requirements/{id}/behind")
    @Operation(summary = "Who is behind on (or has missed) a requirement, by name, one page; q searches names")
    BehindPageJson behind(@PathVariable long id, @RequestParam(required = false) PeriodKind period,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                          @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "0") int page,
                          @Parameter(description = "1–500") @RequestParam(defaultValue = "20") int size,
                          @Parameter(description = "name, pinyin or initials") @RequestParam(required = false) String q,
                          @Parameter(description = "The day the list is looked at from (default: on). A period that closed by on and before this day lists those behind as MISSED, as the month breakdown counts them")
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lookedAt) {
        BehindList list = service.behind(id, period, on, lookedAt, unit, q, page, size);
        return new BehindPageJson(id, list.period() == null ? null : list.period().label(), list.closesOn(),
                list.selection().asOf(), list.page().rows().stream().map(r -> new BehindJson(r.subjectType().name(),
                        r.subjectId(), r.name(), r.branchId(), r.unitName(), r.progress(), r.threshold(), r.verdict()))
                .toList(), list.page().page(), list.page().size(), list.page().total(), list.lookedAt());
    }

    @GetMapping("/api/v1/compliance/requirements/{id}/months")
    @Operation(summary = "A monthly or quarterly requirement month by month over a semester or year (empty otherwise)")
    List<PeriodBreakdown.Slice> months(@PathVariable long id, @RequestParam(required = false) PeriodKind period,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                       @RequestParam(required = false) Long unit) {
        return service.breakdown(id, period, on, unit).map(PeriodBreakdown::slices).orElse(List.of());
    }

    @GetMapping("/api/v1/me/checklist")
    @Operation(summary = "My checklist: what I must do in the periods running today, with progress and deadline")
    List<ChecklistEntry> checklist() {
        return service.myChecklist(LocalDate.now()).stream().map(ChecklistEntry::of).toList();
    }
}
