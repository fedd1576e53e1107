package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.Period;
import cn.hongxin.evaluation.EvaluationViews.Dashboard;
import cn.hongxin.evaluation.EvaluationViews.IndicatorCard;
import cn.hongxin.evaluation.EvaluationViews.MonthSeries;
import cn.hongxin.evaluation.EvaluationViews.OutcomeGroup;
import cn.hongxin.evaluation.EvaluationViews.SilentBranch;
import cn.hongxin.evaluation.PointsViews.MyPoints;
import cn.hongxin.evaluation.PointsViews.PeriodChoice;
import cn.hongxin.evaluation.PointsViews.PointRule;
import cn.hongxin.evaluation.PointsViews.Profile;
import cn.hongxin.evaluation.PointsViews.Ranking;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;

/**
 * The outcomes over the API, calling the services the pages call (same permissions, same data scope: a unit or
 * member outside it answers 404): the indicators, the dashboard's series and silent branches, member points and
 * the points table, and the semester report and ledgers as files (audited like the pages' downloads). A day that
 * lies in no academic year of the calendar, or a unit id that is not positive, is refused with 400 before anything
 * is read.
 */
@RestController
@Tag(name = "Evaluation", description = "Outcome indicators, dashboard series, member points, reports and ledgers")
class EvaluationApiController {

    /** A unit the caller may evaluate. */
    record UnitJson(long id, Long parentId, String name, String type, int depth) {
    }

    /** The indicators of a unit's subtree, each for its own period containing the day. */
    record IndicatorsJson(long unitId, String unitName, LocalDate on, List<IndicatorCard> indicators) {
    }

    /** The dashboard: the semester, the indicators by outcome, the monthly series and the silent branches. */
    record DashboardJson(long unitId, String unitName, Period period, LocalDate asOf, int silentDays,
                         List<OutcomeGroup> outcomes, MonthSeries months, List<SilentBranch> silentBranches) {
    }

    /** A rule's new points, cap (null: none) and cap period. */
    record PointRuleJson(BigDecimal points, BigDecimal cap, PeriodKind capPeriod) {
    }

    private final EvaluationService evaluation;
    private final PointsService points;
    private final LedgerService ledgers;
    private final ReportService reports;
    private final EvaluationPeriods periods;

    EvaluationApiController(EvaluationService evaluation, PointsService points, LedgerService ledgers,
                            ReportService reports, EvaluationPeriods periods) {
        this.evaluation = evaluation;
        this.points = points;
        this.ledgers = ledgers;
        this.reports = reports;
        this.periods = periods;
    }

    @GetMapping("/api/v1/evaluation/units")
    @PreAuthorize("hasAuthority('evaluation:view')")
    @Operation(summary = "The org units the caller may evaluate, in tree order")
    List<UnitJson> units() {
        return evaluation.units().stream().map(u -> new UnitJson(u.id(), u.parentId(), u.name(),
                u.unitType().name(), u.depth())).toList();
    }

    @GetMapping("/api/v1/evaluation/indicators")
    @PreAuthorize("hasAuthority('evaluation:view')")
    @Operation(summary = "The programme's indicators for a unit: value, baseline, target, trend and the last periods")
    IndicatorsJson indicators(
            @Parameter(description = "The org unit whose subtree is measured (default: the caller's scope)") @RequestParam(required = false) Long unit,
            @Parameter(description = "A day in the periods looked at (default today)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        check(unit, on);
        OrgUnitView u = evaluation.unit(unit);
        LocalDate day = on == null ? LocalDate.now() : on;
        return new IndicatorsJson(u.id(), u.name(), day, evaluation.indicators(u.id(), day));
    }

    @GetMapping("/api/v1/evaluation/dashboard")
    @PreAuthorize("hasAuthority('evaluation:view')")
    @Operation(summary = "The dashboard of the semester containing the day: indicators, participation by branch and "
            + "month, volunteer hours, lectures, help records, health-talk reach, silent branches")
    DashboardJson dashboard(@RequestParam(required = false) Long unit,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        check(unit, on);
        Dashboard d = evaluation.dashboard(unit, on);
        return new DashboardJson(d.unit().id(), d.unit().name(), d.period(), d.asOf(), EvaluationService.SILENT_DAYS,
                d.outcomes(), d.months(), d.silentBranches());
    }

    @GetMapping("/api/v1/evaluation/points")
    @PreAuthorize("hasAuthority('evaluation:view')")
    @Operation(summary = "Members of a unit's subtree with their points in the semester and their rank in the branch")
    Ranking ranking(@RequestParam(required = false) Long unit,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        check(unit, on);
        return points.ranking(unit, on);
    }

    @GetMapping("/api/v1/evaluation/members/{id}/points")
    @PreAuthorize("hasAuthority('evaluation:view')")
    @Operation(summary = "A member's points, rank in the branch and timeline of the semester (in the caller's scope)")
    Profile member(@PathVariable long id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        check(null, on);
        return points.profile(id, on);
    }

    @GetMapping("/api/v1/me/points")
    @Operation(summary = "My points, rank in my branch and in the general branch, and my timeline for a period")
    MyPoints mine(
            @Parameter(description = "SEMESTER (default), LAST_SEMESTER or YEAR") @RequestParam(required = false) PeriodChoice period,
            @Parameter(description = "The day the period is chosen relative to (default today)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        check(null, on);
        return points.myPoints(period, on).orElseThrow(() -> new NotFoundException("person", 0L));
    }

    @GetMapping("/api/v1/evaluation/point-rules")
    @PreAuthorize("hasAnyAuthority('evaluation:view', 'brand:edit')")
    @Operation(summary = "The points table: points per row or per unit of quantity, cap and cap period")
    List<PointRule> rules() {
        return points.rules();
    }

    @PutMapping("/api/v1/evaluation/point-rules/{id}")
    @PreAuthorize("hasAuthority('brand:edit')")
    @Operation(summary = "Change a rule's points, cap and cap period (needs brand:edit; audited)")
    PointRule updateRule(@PathVariable long id, @RequestBody PointRuleJson body) {
        points.updateRule(id, body.points(), body.cap(), body.capPeriod());
        return points.rules().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("point rule", id));
    }

    @GetMapping("/api/v1/evaluation/reports/semester-report")
    @PreAuthorize("hasAuthority('evaluation:export')")
    @Operation(summary = "The semester evaluation report as Word (.docx); names masked unless reveal=true with "
            + "org:person:reveal; audited")
    ResponseEntity<byte[]> report(@RequestParam(required = false) Long unit,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                  @RequestParam(defaultValue = "false") boolean reveal, Locale locale) {
        check(unit, on);
        ReportService.ReportFile file = reports.semesterReport(unit, on, reveal, locale);
        return ReportController.download(file.fileName(), ReportController.DOCX, file.content());
    }

    @GetMapping("/api/v1/evaluation/ledgers/{kind}")
    @PreAuthorize("hasAuthority('evaluation:export')")
    @Operation(summary = "An inspection ledger as Excel (.xlsx): THREE_MEETINGS_ONE_LESSON, MEETINGS, LECTURES, "
            + "VOLUNTEER_HOURS, MENTORING or ACTIVITIES; names masked unless reveal=true with org:person:reveal; audited")
    ResponseEntity<byte[]> ledger(@PathVariable LedgerKind kind, @RequestParam(required = false) Long unit,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                  @RequestParam(defaultValue = "false") boolean reveal, Locale locale) {
        check(unit, on);
        LedgerService.LedgerFile file = ledgers.export(kind, unit, on, reveal, locale);
        return ReportController.download(file.fileName(), ReportController.XLSX, file.content());
    }

    /** Refuses a unit id that cannot be one and a day outside the academic calendar, before anything is read. */
    private void check(Long unit, LocalDate on) {
        if (unit != null && unit <= 0) {
            throw new InvalidInputException(List.of(new FieldProblem("unit", "evaluation.api.unit.invalid")));
        }
        if (on != null && periods.exactly(PeriodKind.YEAR, on).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("on", "evaluation.api.on.outsideCalendar",
                    on.toString())));
        }
    }
}
