package cn.hongxin.compliance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.brand.MeasureDefinition;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.ProgrammeCatalog;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.compliance.ComplianceViews.BehindList;
import cn.hongxin.compliance.ComplianceViews.CategoryStatus;
import cn.hongxin.compliance.ComplianceViews.HeatBranch;
import cn.hongxin.compliance.ComplianceViews.HeatMap;
import cn.hongxin.compliance.ComplianceViews.HeatMeasure;
import cn.hongxin.compliance.ComplianceViews.LevelStatus;
import cn.hongxin.compliance.ComplianceViews.MeasureStatus;
import cn.hongxin.compliance.ComplianceViews.ProgrammeStatus;
import cn.hongxin.compliance.ComplianceViews.RequirementStatus;
import cn.hongxin.compliance.ComplianceViews.Selection;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.NotFoundException;

/**
 * What the compliance pages and the API ask: the programme's status for a period and org subtree, the heat map
 * branch by measure, who is behind on a requirement (and its Excel export), and the signed-in person's checklist.
 * The requirements come from the brand's programme ({@link ProgrammeCatalog}); everything but the checklist needs
 * {@code compliance:view} and stays inside the caller's data scope (a unit outside it is not found).
 */
@Service
public class ComplianceService {

    /** Most rows an export writes. */
    static final int EXPORT_LIMIT = 20_000;

    private final ProgrammeCatalog catalog;
    private final ComplianceEngine engine;
    private final CompliancePeriods periods;
    private final CurrentUsers currentUsers;
    private final OrgUnitService units;
    private final AuditTrail audit;
    private final MessageSource messages;

    ComplianceService(ProgrammeCatalog catalog, ComplianceEngine engine, CompliancePeriods periods,
                      CurrentUsers currentUsers, OrgUnitService units, AuditTrail audit, MessageSource messages) {
        this.catalog = catalog;
        this.engine = engine;
        this.periods = periods;
        this.currentUsers = currentUsers;
        this.units = units;
        this.audit = audit;
        this.messages = messages;
    }

    /** The units the caller may look at (their scope's subtree), in tree order, for the unit pickers. */
    @Transactional(readOnly = true)
    public List<OrgUnitView> units() {
        return units.visibleFor(Permission.COMPLIANCE_VIEW);
    }

    /** The programme's status: each measure and requirement with its counts of verdicts. */
    @Transactional(readOnly = true)
    public ProgrammeStatus status(PeriodKind kind, LocalDate on, Long unitId) {
        Scope scope = scope(unitId);
        Selection sel = select(kind, on, unitId);
        List<MeasureDefinition> measures = catalog.measures();
        Map<Long, RequirementEvaluation> evaluated = evaluateAll(measures, scope, sel.asOf());
        Map<String, Map<String, List<MeasureStatus>>> tree = new LinkedHashMap<>();
        VerdictCounts all = VerdictCounts.NONE;
        for (MeasureDefinition m : measures) {
            List<RequirementStatus> reqs = new ArrayList<>();
            VerdictCounts mc = VerdictCounts.NONE;
            for (RequirementDefinition r : m.requirements()) {
                RequirementStatus rs = Optional.ofNullable(evaluated.get(r.id()))
                        .map(e -> new RequirementStatus(r, e.period(), e.opensOn(), e.closesOn(), e.applicable(),
                                e.counts()))
                        .orElseGet(() -> new RequirementStatus(r, null, null, null, false, VerdictCounts.NONE));
                reqs.add(rs);
                mc = mc.plus(rs.counts());
            }
            all = all.plus(mc);
            tree.computeIfAbsent(m.level(), l -> new LinkedHashMap<>())
                    .computeIfAbsent(m.category(), c -> new ArrayList<>()).add(new MeasureStatus(m, mc, reqs));
        }
        List<LevelStatus> levels = new ArrayList<>();
        tree.forEach((level, cats) -> levels.add(new LevelStatus(level, cats.entrySet().stream()
                .map(c -> new CategoryStatus(c.getKey(), c.getValue())).toList())));
        return new ProgrammeStatus(sel, all, levels);
    }

    /** One requirement's status in its period containing the selection's day. */
    @Transactional(readOnly = true)
    public RequirementStatus requirementStatus(long requirementId, PeriodKind kind, LocalDate on, Long unitId) {
        Scope scope = scope(unitId);
        RequirementDefinition r = requirement(requirementId);
        Selection sel = select(kind, on, unitId);
        return evaluate(r, scope.subtree(measureOf(r)), sel.asOf())
                .map(e -> new RequirementStatus(r, e.period(), e.opensOn(), e.closesOn(), e.applicable(), e.counts()))
                .orElseGet(() -> new RequirementStatus(r, null, null, null, false, VerdictCounts.NONE));
    }

    /** The heat map: per branch of the subtree and measure, the verdicts of the branch's subjects. */
    @Transactional(readOnly = true)
    public HeatMap heatMap(PeriodKind kind, LocalDate on, Long unitId) {
        Scope scope = scope(unitId);
        Selection sel = select(kind, on, unitId);
        List<RequirementEvaluation> evaluations = new ArrayList<>();
        List<MeasureDefinition> measures = catalog.measures();
        Map<Long, RequirementEvaluation> evaluated = evaluateAll(measures, scope, sel.asOf());
        for (MeasureDefinition m : measures) {
            for (RequirementDefinition r : m.requirements()) {
                Optional.ofNullable(evaluated.get(r.id())).ifPresent(evaluations::add);
            }
        }
        List<HeatMapCell> cells = ComplianceAggregates.heatMap(evaluations);
        Set<Long> branchIds = cells.stream().map(HeatMapCell::branchId).collect(Collectors.toSet());
        Set<Long> measureIds = cells.stream().map(HeatMapCell::measureId).collect(Collectors.toSet());
        List<HeatBranch> branches = scope.visible().stream().filter(u -> branchIds.contains(u.id()))
                .map(u -> new HeatBranch(u.id(), u.name())).toList();
        Set<Long> shown = branches.stream().map(HeatBranch::id).collect(Collectors.toSet());
        List<HeatMeasure> heatMeasures = measures.stream().filter(m -> measureIds.contains(m.id()))
                .map(m -> new HeatMeasure(m.id(), m.code(), m.nameZh(), m.nameEn())).toList();
        return new HeatMap(sel, branches, heatMeasures,
                cells.stream().filter(c -> shown.contains(c.branchId())).toList());
    }

    /** One page of the subjects behind on (or having missed) a requirement, by name. */
    @Transactional(readOnly = true)
    public BehindList behind(long requirementId, PeriodKind kind, LocalDate on, Long unitId, int page, int size) {
        return behind(requirementId, kind, on, unitId, null, page, size);
    }

    /**
     * One page of the subjects behind on (or having missed) a requirement whose name matches {@code q} as in the
     * people list (characters, pinyin or initials); every subject behind when {@code q} is blank.
     */
    @Transactional(readOnly = true)
    public BehindList behind(long requirementId, PeriodKind kind, LocalDate on, Long unitId, String q, int page,
                             int size) {
        return behind(requirementId, kind, on, null, unitId, q, page, size);
    }

    /**
     * The who-is-behind list of the period containing {@code on}, evaluated as of {@code on} and judged on
     * {@code lookedAt} (null: on {@code on}): a month that had closed by {@code on} and is looked at from a later
     * day lists those still behind on its last day as having missed it, as the month breakdown counts them.
     */
    @Transactional(readOnly = true)
    public BehindList behind(long requirementId, PeriodKind kind, LocalDate on, LocalDate lookedAt, Long unitId,
                             String q, int page, int size) {
        String term = NameFilter.term(q);
        if (term != null) {
            return matching(requirementId, kind, on, lookedAt, unitId, term, page, size);
        }
        Scope scope = scope(unitId);
        RequirementDefinition r = requirement(requirementId);
        Selection sel = select(kind, on, unitId);
        LocalDate judged = lookedAt != null && lookedAt.isAfter(sel.asOf()) ? lookedAt : sel.asOf();
        Optional<Period> period = engine.periodOf(r, sel.asOf());
        LocalDate[] frame = period.map(p -> frame(periods, r, p)).orElse(null);
        if (frame == null) {
            return new BehindList(r, sel, period.orElse(null), null, null,
                    new BehindPage(List.of(), 0, Math.max(page, 0), Math.max(size, 1)), judged);
        }
        BehindPage rows = engine.behind(r, period.get(), scope.subtree(measureOf(r)), sel.asOf(), page, size);
        if (missedBy(frame[1], sel.asOf(), judged)) {
            rows = new BehindPage(rows.rows().stream().map(BehindRow::missed).toList(), rows.total(), rows.page(),
                    rows.size());
        }
        return new BehindList(r, sel, period.get(), frame[0], frame[1], rows, judged);
    }

    /**
     * Whether those behind on a period evaluated as of {@code asOf} have missed it when looked at on
     * {@code lookedAt}: all its evidence was counted (it closed by {@code asOf}) and it closed before the day
     * looked at. The month breakdown and the who-is-behind list share this rule, so their counts agree.
     */
    static boolean missedBy(LocalDate closesOn, LocalDate asOf, LocalDate lookedAt) {
        return closesOn != null && !asOf.isBefore(closesOn) && closesOn.isBefore(lookedAt);
    }

    /** The subjects behind whose names match, paged here: the engine lists them all by name, at most the export's limit. */
    private BehindList matching(long requirementId, PeriodKind kind, LocalDate on, LocalDate lookedAt, Long unitId,
                                String term, int page, int size) {
        BehindList first = behind(requirementId, kind, on, lookedAt, unitId, null, 0, 500);
        java.util.function.Predicate<String> matches = NameFilter.matching(term);
        List<BehindRow> found = new ArrayList<>();
        first.page().rows().stream().filter(r -> matches.test(r.name())).forEach(found::add);
        long seen = first.page().rows().size();
        int next = 1;
        while (seen < Math.min(first.page().total(), EXPORT_LIMIT)) {
            List<BehindRow> more = behind(requirementId, kind, on, lookedAt, unitId, null, next++, 500).page().rows();
            if (more.isEmpty()) {
                break;
            }
            seen += more.size();
            more.stream().filter(r -> matches.test(r.name())).forEach(found::add);
        }
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 500);
        int from = (int) Math.min((long) p * s, found.size());
        BehindPage rows = new BehindPage(found.subList(from, Math.min(from + s, found.size())), found.size(), p, s);
        return new BehindList(first.requirement(), first.selection(), first.period(), first.opensOn(), first.closesOn(),
                rows, first.lookedAt());
    }

    /**
     * The requirement of a measure to open first for a unit: the first with someone behind or having missed it
     * there, else the measure's first requirement.
     */
    @Transactional(readOnly = true)
    public long firstLagging(long measureId, PeriodKind kind, LocalDate on, Long unitId) {
        Scope scope = scope(unitId);
        MeasureDefinition m = catalog.measures().stream().filter(x -> x.id() == measureId).findFirst()
                .filter(x -> !x.requirements().isEmpty())
                .orElseThrow(() -> new NotFoundException("measure", measureId));
        Selection sel = select(kind, on, unitId);
        for (RequirementDefinition r : m.requirements()) {
            Optional<RequirementEvaluation> e = evaluate(r, scope.subtree(m), sel.asOf());
            if (e.isPresent() && e.get().counts().behind() + e.get().counts().missed() > 0) {
                return r.id();
            }
        }
        return m.requirements().get(0).id();
    }

    /** The requirements of the measure a requirement belongs to, for the tabs of the who-is-behind page. */
    @Transactional(readOnly = true)
    public List<RequirementDefinition> siblings(long requirementId) {
        return measureOf(requirement(requirementId)).requirements();
    }

    /** The measure a requirement belongs to. */
    @Transactional(readOnly = true)
    public MeasureDefinition measure(long requirementId) {
        return measureOf(requirement(requirementId));
    }

    /**
     * Everyone behind on (or having missed) a requirement as an .xlsx file (needs {@code compliance:export});
     * cell values that a spreadsheet would take for a formula are neutralised, and the export is audited.
     */
    @Transactional(readOnly = true)
    public byte[] exportBehind(long requirementId, PeriodKind kind, LocalDate on, Long unitId, Locale locale) {
        return exportBehind(requirementId, kind, on, unitId, null, locale);
    }

    /** The export of the who-is-behind list as filtered by name ({@code q} blank: everyone behind). */
    @Transactional(readOnly = true)
    public byte[] exportBehind(long requirementId, PeriodKind kind, LocalDate on, Long unitId, String q,
                               Locale locale) {
        return exportBehind(requirementId, kind, on, null, unitId, q, locale);
    }

    /** The export of the who-is-behind list judged on {@code lookedAt}, as the list is (null: on {@code on}). */
    @Transactional(readOnly = true)
    public byte[] exportBehind(long requirementId, PeriodKind kind, LocalDate on, LocalDate lookedAt, Long unitId,
                               String q, Locale locale) {
        currentUsers.require(Permission.COMPLIANCE_EXPORT);
        String term = NameFilter.term(q);
        BehindList first = behind(requirementId, kind, on, lookedAt, unitId, term, 0, 500);
        List<BehindRow> rows = new ArrayList<>(first.page().rows());
        int page = 1;
        while (rows.size() < Math.min(first.page().total(), EXPORT_LIMIT)) {
            List<BehindRow> more = behind(requirementId, kind, on, lookedAt, unitId, term, page++, 500).page().rows();
            if (more.isEmpty()) {
                break;
            }
            rows.addAll(more);
        }
        byte[] file = workbook(first, rows, locale);
        audit.record(AuditAction.EXPORT, "compliance_behind", requirementId, AuditOutcome.SUCCESS,
                rows.size() + " rows, " + (first.period() == null ? "no period" : first.period().label())
                        + (unitId == null ? "" : ", unit " + unitId) + (term == null ? "" : ", by name"));
        return file;
    }

    /**
     * The monthly and quarterly requirements over the selection's semester or year, by requirement id: each month
     * (quarter) from the period's start to the day looked at, evaluated as of its end (or that day). Empty when the
     * selection is itself a month. One batch per month and subtree.
     */
    @Transactional(readOnly = true)
    public Map<Long, PeriodBreakdown> breakdowns(PeriodKind kind, LocalDate on, Long unitId) {
        Scope scope = scope(unitId);
        Selection sel = select(kind, on, unitId);
        Map<Long, List<RequirementDefinition>> bySubtree = new LinkedHashMap<>();
        if (longer(sel.kind())) {
            for (MeasureDefinition m : catalog.measures()) {
                m.requirements().stream().filter(r -> shorter(r.period()))
                        .forEach(r -> bySubtree.computeIfAbsent(scope.subtree(m), k -> new ArrayList<>()).add(r));
            }
        }
        Map<Long, Map<String, PeriodBreakdown.Slice>> slices = new LinkedHashMap<>();
        Map<Long, RequirementDefinition> asked = new LinkedHashMap<>();
        for (LocalDate day : sliceDays(sel)) {
            bySubtree.forEach((subtree, requirements) -> engine.evaluateAll(requirements, subtree, day).forEach(e -> {
                if (e.period() != null && overlaps(e.period(), sel.period())) {
                    asked.put(e.requirement().id(), e.requirement());
                    slices.computeIfAbsent(e.requirement().id(), k -> new LinkedHashMap<>())
                            .put(e.period().label(), slice(e, sel.asOf()));
                }
            }));
        }
        Map<Long, PeriodBreakdown> result = new LinkedHashMap<>();
        slices.forEach((id, byLabel) -> result.put(id, new PeriodBreakdown(asked.get(id), sel.period(),
                new ArrayList<>(byLabel.values()))));
        return result;
    }

    /** One monthly or quarterly requirement over the selection's semester or year; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<PeriodBreakdown> breakdown(long requirementId, PeriodKind kind, LocalDate on, Long unitId) {
        Scope scope = scope(unitId);
        RequirementDefinition r = requirement(requirementId);
        Selection sel = select(kind, on, unitId);
        if (!longer(sel.kind()) || !shorter(r.period())) {
            return Optional.empty();
        }
        long subtree = scope.subtree(measureOf(r));
        Map<String, PeriodBreakdown.Slice> byLabel = new LinkedHashMap<>();
        for (LocalDate day : sliceDays(sel)) {
            evaluate(r, subtree, day).filter(e -> e.period() != null && overlaps(e.period(), sel.period()))
                    .ifPresent(e -> byLabel.put(e.period().label(), slice(e, sel.asOf())));
        }
        return Optional.of(new PeriodBreakdown(r, sel.period(), new ArrayList<>(byLabel.values())));
    }

    private static boolean longer(PeriodKind kind) {
        return kind == PeriodKind.SEMESTER || kind == PeriodKind.YEAR;
    }

    private static boolean shorter(PeriodKind kind) {
        return kind == PeriodKind.MONTH || kind == PeriodKind.QUARTER;
    }

    private static boolean overlaps(Period p, Period over) {
        return !p.end().isBefore(over.start()) && !p.start().isAfter(over.end());
    }

    /** The last day of each month from the selection's start up to its day, and that day itself. */
    private static List<LocalDate> sliceDays(Selection sel) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate end = sel.asOf().isAfter(sel.period().end()) ? sel.period().end() : sel.asOf();
        LocalDate monthEnd = java.time.YearMonth.from(sel.period().start()).atEndOfMonth();
        while (monthEnd.isBefore(end)) {
            days.add(monthEnd);
            monthEnd = java.time.YearMonth.from(monthEnd.plusDays(1)).atEndOfMonth();
        }
        days.add(end);
        return days;
    }

    /**
     * A month evaluated as of its last day (or the day looked at). Once it has closed before the day looked at, those
     * still behind on its last day have missed it: the evidence counted is the same, only the verdict moves on.
     */
    private static PeriodBreakdown.Slice slice(RequirementEvaluation e, LocalDate lookedAt) {
        VerdictCounts c = e.counts();
        if (missedBy(e.closesOn(), e.asOf(), lookedAt) && c.behind() > 0) {
            c = new VerdictCounts(c.met(), 0, c.missed() + c.behind(), c.notYetDue());
        }
        return new PeriodBreakdown.Slice(e.period(), e.closesOn(), e.asOf(), e.applicable(), c, lookedAt);
    }

    /** The signed-in person's checklist this semester (and the other periods running today); empty without a person. */
    @Transactional(readOnly = true)
    public List<ChecklistItem> myChecklist(LocalDate asOf) {
        CurrentUser me = currentUsers.require();
        if (me.personId() == null) {
            return List.of();
        }
        List<RequirementDefinition> all = catalog.measures().stream()
                .flatMap(m -> m.requirements().stream()).toList();
        return engine.checklist(me.personId(), all, asOf);
    }

    /** Whether the signed-in account is linked to a person (who has a checklist). */
    public boolean hasPerson() {
        return currentUsers.require().personId() != null;
    }

    // ----------------------------------------------------------------

    /** The caller's scope: the unit they look at (checked to lie inside it) and the units visible. */
    private record Scope(Long unitId, List<OrgUnitView> visible, ProgrammeCatalog catalog) {

        long subtree(MeasureDefinition m) {
            return unitId != null ? unitId : catalog.owningUnitOf(m.id());
        }
    }

    private Scope scope(Long unitId) {
        CurrentUser me = currentUsers.require(Permission.COMPLIANCE_VIEW);
        List<OrgUnitView> visible = units.visibleFor(Permission.COMPLIANCE_VIEW);
        if (unitId != null && visible.stream().noneMatch(u -> u.id() == unitId)) {
            throw new NotFoundException("org unit", unitId);
        }
        return new Scope(unitId != null ? unitId : me.scopeOrgUnitId(), visible, catalog);
    }

    /**
     * The chosen period containing {@code on} and the day to evaluate as of: {@code on} itself when given (the
     * state as it stood, or stands, that day), else today, kept inside the period.
     */
    public Selection select(PeriodKind kind, LocalDate on, Long unitId) {
        LocalDate today = LocalDate.now();
        PeriodKind k = kind == null ? PeriodKind.SEMESTER : kind;
        LocalDate day = on == null ? today : on;
        Optional<Period> period = periods.containing(k, day);
        if (period.isEmpty()) {
            k = PeriodKind.MONTH;
            period = periods.containing(k, day);
        }
        Period p = period.orElseThrow();
        LocalDate asOf = on != null ? on
                : today.isBefore(p.start()) ? p.start() : today.isAfter(p.end()) ? p.end() : today;
        return new Selection(k, p, asOf, unitId);
    }

    /** The first and last day that count for a requirement in a period (its window's, or the period's); null when none. */
    static LocalDate[] frame(CompliancePeriods periods, RequirementDefinition r, Period period) {
        if (r.window() == null) {
            return new LocalDate[]{period.start(), period.end()};
        }
        return periods.window(r.window(), period).map(w -> new LocalDate[]{w.startDate(), w.endDate()})
                .orElse(null);
    }

    private Optional<RequirementEvaluation> evaluate(RequirementDefinition r, long subtree, LocalDate asOf) {
        return engine.evaluate(r, subtree, asOf);
    }

    /**
     * Every requirement of the measures in its period containing {@code asOf}, by requirement id: one batch per
     * subtree (two statements each) instead of one statement per requirement.
     */
    private Map<Long, RequirementEvaluation> evaluateAll(List<MeasureDefinition> measures, Scope scope,
                                                         LocalDate asOf) {
        Map<Long, List<RequirementDefinition>> bySubtree = new LinkedHashMap<>();
        for (MeasureDefinition m : measures) {
            bySubtree.computeIfAbsent(scope.subtree(m), k -> new ArrayList<>()).addAll(m.requirements());
        }
        Map<Long, RequirementEvaluation> result = new LinkedHashMap<>();
        bySubtree.forEach((subtree, requirements) -> engine.evaluateAll(requirements, subtree, asOf)
                .forEach(e -> result.put(e.requirement().id(), e)));
        return result;
    }

    private RequirementDefinition requirement(long id) {
        return catalog.requirement(id).orElseThrow(() -> new NotFoundException("requirement", id));
    }

    private MeasureDefinition measureOf(RequirementDefinition r) {
        return catalog.measures().stream().filter(m -> m.id() == r.measureId()).findFirst()
                .orElseThrow(() -> new NotFoundException("requirement", r.id()));
    }

    private byte[] workbook(BehindList list, Collection<BehindRow> rows, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Hongxin", "1.0");
            Worksheet ws = wb.newWorksheet(text("compliance.export.sheet", locale));
            String[] head = {"compliance.behind.name", "compliance.behind.unit", "compliance.behind.progress",
                    "compliance.behind.threshold", "compliance.behind.verdict", "compliance.behind.deadline"};
            int[] widths = {16, 28, 10, 10, 10, 14};
            String name = locale.getLanguage().equals("en") ? list.requirement().nameEn() : list.requirement().nameZh();
            ws.value(0, 0, safe(name) + (list.period() == null ? "" : " · " + safe(list.period().label())));
            ws.style(0, 0).bold().set();
            for (int i = 0; i < head.length; i++) {
                ws.value(1, i, text(head[i], locale));
                ws.style(1, i).bold().fillColor("F2DCDB").borderStyle("thin").set();
                ws.width(i, widths[i]);
            }
            ws.freezePane(0, 2);
            int r = 2;
            for (BehindRow row : rows) {
                ws.value(r, 0, safe(row.name()));
                ws.value(r, 1, safe(row.unitName()));
                ws.value(r, 2, row.progress().stripTrailingZeros().toPlainString());
                ws.value(r, 3, row.threshold().stripTrailingZeros().toPlainString());
                ws.value(r, 4, text("compliance.verdict." + row.verdict().name(), locale));
                ws.value(r, 5, list.closesOn() == null ? "" : list.closesOn().toString());
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A text cell that a spreadsheet would read as a formula (= + - @, or a leading tab/CR) gets a quote first. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
