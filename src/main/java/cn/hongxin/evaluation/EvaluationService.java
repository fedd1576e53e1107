package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.IndicatorDefinition;
import cn.hongxin.brand.IndicatorOutcome;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.ProgrammeCatalog;
import cn.hongxin.compliance.EvidenceQueries;
import cn.hongxin.compliance.Period;
import cn.hongxin.evaluation.EvaluationViews.BranchSeries;
import cn.hongxin.evaluation.EvaluationViews.Dashboard;
import cn.hongxin.evaluation.EvaluationViews.IndicatorCard;
import cn.hongxin.evaluation.EvaluationViews.MonthSeries;
import cn.hongxin.evaluation.EvaluationViews.OutcomeGroup;
import cn.hongxin.evaluation.EvaluationViews.SilentBranch;
import cn.hongxin.evaluation.EvaluationViews.Trend;
import cn.hongxin.evaluation.EvaluationViews.TrendPoint;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.NotFoundException;

/**
 * The outcome dashboard: the programme's indicators for a period and org subtree against their baselines, with
 * trends; participation by branch and month, volunteer hours, lectures, mentoring and health-talk reach by month;
 * and the silent branches. Needs {@code evaluation:view}; a unit outside the caller's scope is not found, and
 * without a unit the caller's own scope is looked at (a branch secretary sees their branch).
 */
@Service
public class EvaluationService {

    /** A branch with no event held and no attendance for this many days is silent. */
    public static final int SILENT_DAYS = 30;
    /** Periods in a sparkline, the current one included. */
    static final int SERIES = 4;

    private final ProgrammeCatalog catalog;
    private final IndicatorCalculator calculator;
    private final EvaluationPeriods periods;
    private final EvidenceQueries evidence;
    private final OrgUnitService units;
    private final CurrentUsers currentUsers;

    EvaluationService(ProgrammeCatalog catalog, IndicatorCalculator calculator, EvaluationPeriods periods,
                      EvidenceQueries evidence, OrgUnitService units, CurrentUsers currentUsers) {
        this.catalog = catalog;
        this.calculator = calculator;
        this.periods = periods;
        this.evidence = evidence;
        this.units = units;
        this.currentUsers = currentUsers;
    }

    /** The units the caller may evaluate, in tree order. */
    @Transactional(readOnly = true)
    public List<OrgUnitView> units() {
        return units.visibleFor(Permission.EVALUATION_VIEW);
    }

    /** The unit looked at: the one asked for (inside the scope), else the caller's scope root. */
    @Transactional(readOnly = true)
    public OrgUnitView unit(Long unitId) {
        CurrentUser me = currentUsers.require(Permission.EVALUATION_VIEW);
        List<OrgUnitView> visible = units();
        Long id = unitId != null ? unitId : me.scopeOrgUnitId();
        if (id == null) {
            return visible.stream().findFirst().orElseThrow(() -> new NotFoundException("org unit", 0L));
        }
        return visible.stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("org unit", id));
    }

    /** The semester containing the day (today when none), the day evaluated as of, kept inside it. */
    @Transactional(readOnly = true)
    public Period semester(LocalDate on) {
        return periods.containing(PeriodKind.SEMESTER, on == null ? LocalDate.now() : on);
    }

    /** The indicators of the programme for the period of each containing the day, with baselines and trends. */
    @Transactional(readOnly = true)
    public List<IndicatorCard> indicators(Long unitId, LocalDate on) {
        OrgUnitView unit = unit(unitId);
        return cards(unit, on == null ? LocalDate.now() : on, LocalDate.now());
    }

    List<IndicatorCard> cards(OrgUnitView unit, LocalDate on, LocalDate today) {
        return cards(unit, on, today, periods.calendar());
    }

    /** The cards with the periods of a calendar already read (a report reads it once). */
    List<IndicatorCard> cards(OrgUnitView unit, LocalDate on, LocalDate today, EvaluationPeriods.Calendar periods) {
        IndicatorCalculator.Run run = calculator.run(today);
        List<IndicatorCard> cards = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (IndicatorDefinition d : catalog.indicators()) {
            if (!seen.add(d.code())) {
                continue;
            }
            Period period = periods.containing(d.period(), on);
            BigDecimal value = run.value(d, period, unit);
            Optional<Period> base = periods.baseline(d.baseline(), period);
            BigDecimal baseline = base.map(b -> run.value(d, b, unit)).orElse(null);
            List<TrendPoint> series = new ArrayList<>();
            series.add(new TrendPoint(period.label(), value));
            Period p = period;
            for (int i = 1; i < SERIES; i++) {
                Optional<Period> before = periods.previous(p);
                if (before.isEmpty()) {
                    break;
                }
                p = before.get();
                series.add(0, new TrendPoint(p.label(), run.value(d, p, unit)));
            }
            cards.add(new IndicatorCard(d.code(), d.nameZh(), d.nameEn(), d.outcome(), d.unit(), period.label(), value,
                    base.map(Period::label).orElse(null), baseline, d.target(), trend(value, baseline), series));
        }
        return cards;
    }

    static Trend trend(BigDecimal value, BigDecimal baseline) {
        if (value == null || baseline == null) {
            return Trend.NONE;
        }
        int c = value.compareTo(baseline);
        return c > 0 ? Trend.UP : c < 0 ? Trend.DOWN : Trend.FLAT;
    }

    /** The whole dashboard for a unit and the semester containing a day. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(Long unitId, LocalDate on) {
        OrgUnitView unit = unit(unitId);
        LocalDate today = LocalDate.now();
        EvaluationPeriods.Calendar calendar = periods.calendar();
        Period semester = calendar.containing(PeriodKind.SEMESTER, on == null ? today : on);
        LocalDate asOf = on != null ? on : today.isBefore(semester.start()) ? semester.start()
                : today.isAfter(semester.end()) ? semester.end() : today;
        List<IndicatorCard> cards = cards(unit, asOf, today, calendar);
        Map<IndicatorOutcome, List<IndicatorCard>> grouped = new LinkedHashMap<>();
        for (IndicatorOutcome o : IndicatorOutcome.values()) {
            grouped.put(o, new ArrayList<>());
        }
        cards.forEach(c -> grouped.get(c.outcome()).add(c));
        List<OutcomeGroup> outcomes = grouped.entrySet().stream()
                .map(e -> new OutcomeGroup(e.getKey(), e.getValue())).toList();
        return new Dashboard(semester, asOf, unit, units(), outcomes, months(unit, semester, asOf),
                silent(unit, asOf));
    }

    MonthSeries months(OrgUnitView unit, Period period, LocalDate asOf) {
        List<YearMonth> months = new ArrayList<>();
        LocalDate end = asOf.isBefore(period.end()) ? asOf : period.end();
        for (YearMonth m = YearMonth.from(period.start()); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<EvidenceQueries.Branch> branches = evidence.branches(unit.path());
        Map<Long, long[]> participation = new LinkedHashMap<>();
        branches.forEach(b -> participation.put(b.id(), new long[months.size()]));
        BigDecimal[] hours = zeros(months.size());
        BigDecimal[] reach = zeros(months.size());
        long[] lectures = new long[months.size()];
        long[] help = new long[months.size()];
        for (EvidenceQueries.Row r : evidence.rows(EnumSet.of(EvidenceKind.ATTENDED, EvidenceKind.VOLUNTEER_HOURS,
                EvidenceKind.LECTURE_GIVEN, EvidenceKind.HELP_RECORD, EvidenceKind.AUDIENCE_REACHED), unit.path(),
                period.start(), end)) {
            int i = months.indexOf(YearMonth.from(r.date()));
            if (i < 0) {
                continue;
            }
            switch (r.kind()) {
                case ATTENDED -> {
                    long[] row = r.branchId() == null ? null : participation.get(r.branchId());
                    if (row != null) {
                        row[i]++;
                    }
                }
                case VOLUNTEER_HOURS -> hours[i] = hours[i].add(r.quantity());
                case LECTURE_GIVEN -> lectures[i]++;
                case HELP_RECORD -> help[i]++;
                case AUDIENCE_REACHED -> {
                    if ("HEALTH_TALK".equals(r.typeCode())) {
                        reach[i] = reach[i].add(r.quantity());
                    }
                }
                default -> {
                }
            }
        }
        List<BranchSeries> byBranch = branches.stream().map(b -> new BranchSeries(b.id(), b.name(),
                java.util.Arrays.stream(participation.get(b.id())).boxed().toList())).toList();
        return new MonthSeries(months.stream().map(YearMonth::toString).toList(), byBranch, List.of(hours),
                java.util.Arrays.stream(lectures).boxed().toList(), java.util.Arrays.stream(help).boxed().toList(),
                List.of(reach));
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    /** Branches of the subtree whose last event held or attended lies more than {@link #SILENT_DAYS} days back. */
    List<SilentBranch> silent(OrgUnitView unit, LocalDate asOf) {
        Map<Long, LocalDate> last = evidence.lastActivity(unit.path(), asOf);
        Map<Long, String> paths = new LinkedHashMap<>();
        units().forEach(u -> paths.put(u.id(), u.path()));
        List<SilentBranch> silent = new ArrayList<>();
        for (EvidenceQueries.Branch b : evidence.branches(unit.path())) {
            LocalDate latest = null;
            for (Map.Entry<Long, LocalDate> e : last.entrySet()) {
                String path = paths.get(e.getKey());
                if (path != null && path.startsWith(b.path()) && (latest == null || e.getValue().isAfter(latest))) {
                    latest = e.getValue();
                }
            }
            if (latest == null || latest.isBefore(asOf.minusDays(SILENT_DAYS))) {
                silent.add(new SilentBranch(b.id(), b.name(), latest,
                        latest == null ? null : ChronoUnit.DAYS.between(latest, asOf)));
            }
        }
        return silent;
    }
}
