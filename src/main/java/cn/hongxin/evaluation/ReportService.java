package cn.hongxin.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.data.PictureType;
import com.deepoove.poi.data.Pictures;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;

import cn.hongxin.brand.BrandService;
import cn.hongxin.brand.BrandView;
import cn.hongxin.brand.IndicatorOutcome;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.BehindRow;
import cn.hongxin.compliance.Period;
import cn.hongxin.compliance.ComplianceService;
import cn.hongxin.compliance.ComplianceViews.BehindList;
import cn.hongxin.compliance.ComplianceViews.MeasureStatus;
import cn.hongxin.compliance.ComplianceViews.ProgrammeStatus;
import cn.hongxin.compliance.ComplianceViews.RequirementStatus;
import cn.hongxin.compliance.VerdictCounts;
import cn.hongxin.evaluation.EvaluationViews.Dashboard;
import cn.hongxin.evaluation.EvaluationViews.IndicatorCard;
import cn.hongxin.evaluation.EvaluationViews.OutcomeGroup;
import cn.hongxin.events.EventAttachmentKind;
import cn.hongxin.events.EventAttachmentService;
import cn.hongxin.events.EventAttachmentView;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventView;
import cn.hongxin.files.FileStore;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;

/**
 * The semester evaluation report of the brand as a Word file, filled from the records into the poi-tl template
 * {@value #TEMPLATE} (an office may restyle it in Word: fonts, headings, the tables' look; the tags stay): the
 * brand, each measure's fulfilment (compliance's aggregates), the indicators against their baselines, highlights
 * (events held with their photos) and problems with who is behind. Needs {@code evaluation:export} (and
 * {@code compliance:view} for the fulfilment); names of those behind are masked unless revealed with
 * {@code person:reveal}. Audited.
 */
@Service
public class ReportService {

    static final String TEMPLATE = "reports/evaluation-report.docx";
    static final int HIGHLIGHTS = 6;
    static final int HIGHLIGHT_PAGE = 24;
    static final int NAMES_PER_PROBLEM = 30;

    private final EvaluationService evaluation;
    private final ComplianceService compliance;
    private final BrandService brands;
    private final EventFacts eventFacts;
    private final EvaluationPeriods periods;
    private final EventAttachmentService attachments;
    private final FileStore files;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final MessageSource messages;

    ReportService(EvaluationService evaluation, ComplianceService compliance, BrandService brands,
                  EventFacts eventFacts, EvaluationPeriods periods, EventAttachmentService attachments,
                  FileStore files, CurrentUsers currentUsers, AuditTrail audit, MessageSource messages) {
        this.evaluation = evaluation;
        this.compliance = compliance;
        this.brands = brands;
        this.eventFacts = eventFacts;
        this.periods = periods;
        this.attachments = attachments;
        this.files = files;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.messages = messages;
    }

    /** A report as downloaded: its file name (unit, semester) and its .docx bytes. */
    public record ReportFile(String fileName, byte[] content) {
    }

    /** The report of a unit's subtree for the semester containing a day, as a .docx file. */
    public ReportFile semesterReport(Long unitId, LocalDate on, boolean reveal, Locale locale) {
        currentUsers.require(Permission.EVALUATION_EXPORT);
        if (reveal) {
            currentUsers.require(Permission.PERSON_REVEAL);
        }
        Dashboard d = dashboard(unitId, on);
        ProgrammeStatus status = compliance.status(PeriodKind.SEMESTER, d.asOf(), d.unit().id());
        Map<String, Object> data = new LinkedHashMap<>();
        Optional<BrandView> brand = brands.presented();
        data.put("brandName", brand.map(BrandView::name).orElse(""));
        data.put("brandSlogan", brand.map(BrandView::slogan).orElse(""));
        data.put("brandConcept", brand.map(BrandView::concept).orElse(""));
        data.put("reportTitle", text(locale, "evaluation.report.title"));
        data.put("unitName", d.unit().name());
        data.put("periodLabel", d.period().label());
        data.put("periodStart", d.period().start().toString());
        data.put("periodEnd", d.period().end().toString());
        data.put("asOf", d.asOf().toString());
        data.put("generatedOn", LocalDate.now().toString());
        VerdictCounts all = status.counts();
        data.put("dueTotal", all.due());
        data.put("metTotal", all.met());
        data.put("behindTotal", all.behind());
        data.put("missedTotal", all.missed());
        data.put("metRate", rate(all));

        List<Map<String, Object>> measures = new ArrayList<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        boolean en = "en".equals(locale.getLanguage());
        status.levels().forEach(level -> level.categories().forEach(cat -> cat.measures().forEach(m -> {
            measures.add(measureRow(m, en, locale));
            for (RequirementStatus r : m.requirements()) {
                if (r.counts().behind() + r.counts().missed() > 0) {
                    problems.add(problem(r, d, reveal, en));
                }
            }
        })));
        data.put("measures", measures);

        List<Map<String, Object>> indicators = new ArrayList<>();
        d.outcomes().forEach(g -> g.cards().forEach(c -> indicators.add(indicatorRow(c, locale))));
        data.put("indicators", indicators);

        List<Map<String, Object>> highlights = highlights(d, locale);
        data.put("highlights", highlights);
        data.put("noHighlights", highlights.isEmpty() ? text(locale, "evaluation.report.noHighlights") : "");
        data.put("problems", problems);
        data.put("noProblems", problems.isEmpty() ? text(locale, "evaluation.report.noProblems") : "");
        data.put("silentText", d.silentBranches().isEmpty() ? "" : text(locale, "evaluation.report.silent",
                EvaluationService.SILENT_DAYS, String.join("、", d.silentBranches().stream()
                        .map(EvaluationViews.SilentBranch::name).toList())));

        LoopRowTableRenderPolicy rows = new LoopRowTableRenderPolicy();
        Configure config = Configure.builder().bind("measures", rows).bind("indicators", rows).build();
        byte[] file;
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream();
             XWPFTemplate template = XWPFTemplate.compile(in, config).render(data);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            template.write(out);
            file = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(reveal ? AuditAction.REVEAL : AuditAction.EXPORT, "evaluation_report", d.unit().id(),
                AuditOutcome.SUCCESS, d.period().label() + ", " + measures.size() + " measures, " + problems.size()
                        + " problems" + (reveal ? ", names revealed" : ", names masked"));
        return new ReportFile(d.unit().name() + "_" + d.period().label() + "_evaluation.docx", file);
    }

    /**
     * The parts of the outcome dashboard the report shows: the indicators and the silent branches, without the
     * dashboard's monthly series (which read every attendance of the semester and are not in the report).
     */
    private Dashboard dashboard(Long unitId, LocalDate on) {
        OrgUnitView unit = evaluation.unit(unitId);
        LocalDate today = LocalDate.now();
        EvaluationPeriods.Calendar calendar = periods.calendar();
        Period semester = calendar.containing(PeriodKind.SEMESTER, on == null ? today : on);
        LocalDate asOf = on != null ? on : today.isBefore(semester.start()) ? semester.start()
                : today.isAfter(semester.end()) ? semester.end() : today;
        Map<IndicatorOutcome, List<IndicatorCard>> grouped = new EnumMap<>(IndicatorOutcome.class);
        for (IndicatorOutcome o : IndicatorOutcome.values()) {
            grouped.put(o, new ArrayList<>());
        }
        evaluation.cards(unit, asOf, today, calendar).forEach(c -> grouped.get(c.outcome()).add(c));
        List<OutcomeGroup> outcomes = grouped.entrySet().stream()
                .map(e -> new OutcomeGroup(e.getKey(), e.getValue())).toList();
        return new Dashboard(semester, asOf, unit, List.of(), outcomes, null, evaluation.silent(unit, asOf));
    }

    private Map<String, Object> measureRow(MeasureStatus m, boolean en, Locale locale) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", en ? m.measure().nameEn() : m.measure().nameZh());
        row.put("level", messages.getMessage("programme.level." + m.measure().level(), null, m.measure().level(),
                locale));
        row.put("met", m.counts().met());
        row.put("behind", m.counts().behind());
        row.put("missed", m.counts().missed());
        row.put("rate", rate(m.counts()));
        return row;
    }

    private Map<String, Object> problem(RequirementStatus r, Dashboard d, boolean reveal, boolean en) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("requirement", en ? r.requirement().nameEn() : r.requirement().nameZh());
        row.put("count", r.counts().behind() + r.counts().missed());
        BehindList list = compliance.behind(r.requirement().id(), PeriodKind.SEMESTER, d.asOf(), d.unit().id(), 0,
                NAMES_PER_PROBLEM);
        List<String> names = list.page().rows().stream().map(BehindRow::name)
                .map(n -> reveal ? n : LedgerService.mask(n)).toList();
        row.put("names", String.join("、", names) + (list.page().total() > names.size() ? "……" : ""));
        return row;
    }

    private Map<String, Object> indicatorRow(IndicatorCard c, Locale locale) {
        Map<String, Object> row = new LinkedHashMap<>();
        String unit = c.unit() == cn.hongxin.brand.IndicatorUnit.COUNT ? ""
                : text(locale, "evaluation.unit." + c.unit().name());
        row.put("name", c.name(locale));
        row.put("outcome", text(locale, "evaluation.outcome." + c.outcome().name()));
        row.put("value", c.value() == null ? "—" : c.value().stripTrailingZeros().toPlainString() + unit);
        row.put("baseline", c.baseline() == null ? "—"
                : c.baseline().stripTrailingZeros().toPlainString() + unit + "（" + c.baselineLabel() + "）");
        row.put("target", c.target() == null ? "—" : c.target().stripTrailingZeros().toPlainString() + unit);
        row.put("trend", text(locale, "evaluation.trend." + c.trend().name()));
        return row;
    }

    private List<Map<String, Object>> highlights(Dashboard d, Locale locale) {
        List<Map<String, Object>> result = new ArrayList<>();
        // Newest first, a page at a time: the search stops once the highlights are found.
        for (EventView e : eventFacts.newestFirst(d.unit().id(), EventState.DONE, d.period().start(), d.asOf(),
                HIGHLIGHT_PAGE)) {
            if (result.size() >= HIGHLIGHTS) {
                break;
            }
            Optional<EventAttachmentView> photo = attachments.list(e.id()).stream()
                    .filter(a -> a.kind() == EventAttachmentKind.PHOTO)
                    .min(Comparator.comparing((EventAttachmentView a) -> !a.cover()).thenComparing(EventAttachmentView::id));
            if (photo.isEmpty()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", e.title());
            row.put("date", e.startsAt().toLocalDate().toString());
            row.put("unit", e.organiserUnitName());
            row.put("summary", e.summary() == null ? "" : e.summary());
            row.put("photo", picture(photo.get()));
            result.add(row);
        }
        return result;
    }

    private Object picture(EventAttachmentView photo) {
        try (InputStream in = photo.thumbnail() ? files.openThumbnail(photo.fileId()).orElseGet(() -> files.open(photo.fileId()))
                : files.open(photo.fileId())) {
            byte[] bytes = in.readAllBytes();
            PictureType type = photo.thumbnail() || (photo.contentType() != null && photo.contentType().contains("jpeg"))
                    ? PictureType.JPEG : PictureType.PNG;
            return Pictures.ofBytes(bytes, type).size(320, 240).create();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    static String rate(VerdictCounts c) {
        return c.due() == 0 ? "—" : BigDecimal.valueOf(c.met() * 100).divide(BigDecimal.valueOf(c.due()), 1,
                RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
