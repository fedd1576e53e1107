package cn.hongxin.brand;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.security.ScopeUnits;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;

/**
 * The programme of a brand: read as a tree, edited measure by measure and requirement by requirement, exported and
 * imported as one YAML file (an import replaces the whole programme in one transaction, or changes nothing), and
 * loaded from the default template by first-run setup. Reading needs {@code brand:view}; every change needs
 * {@code brand:edit} and the brand's owning unit in the caller's data scope.
 */
@Service
public class ProgrammeService {

    /** The default template: the article's 4-3-2-10 with the default quotas of PRODUCT section 2. */
    public static final String DEFAULT_TEMPLATE = "programmes/hongxin-4-3-2-10.yaml";

    /** A saved requirement, with the warnings that did not stop it (a window the calendar does not hold yet). */
    public record Saved(long id, List<FieldProblem> warnings) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProgrammeService.class);

    private final ProgrammeRows rows;
    private final ProgrammeReferences references;
    private final CurrentUsers currentUsers;
    private final ScopeUnits unitNames;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final ProgrammeIndicatorRows indicators;

    ProgrammeService(ProgrammeRows rows, ProgrammeReferences references, CurrentUsers currentUsers,
                     ScopeUnits unitNames, AccountService accounts, AuditTrail audit,
                     ProgrammeIndicatorRows indicators) {
        this.indicators = indicators;
        this.rows = rows;
        this.references = references;
        this.currentUsers = currentUsers;
        this.unitNames = unitNames;
        this.accounts = accounts;
        this.audit = audit;
    }

    // ---- reading -----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ProgrammeView programme(long brandId) {
        currentUsers.require(Permission.BRAND_VIEW);
        ProgrammeRows.BrandRow brand = rows.brand(brandId).orElseThrow(() -> new NotFoundException("brand", brandId));
        return new ProgrammeView(BrandService.view(brand, names()), rows.measures(List.of(brandId), names()));
    }

    /** The programme file of a brand. */
    @Transactional(readOnly = true)
    public String exportYaml(long brandId) {
        currentUsers.require(Permission.BRAND_VIEW);
        ProgrammeRows.BrandRow brand = rows.brand(brandId).orElseThrow(() -> new NotFoundException("brand", brandId));
        Map<Long, String> names = names();
        String ownerRef = brand.ownerRef() != null ? brand.ownerRef() : names.get(brand.owningUnitId());
        return ProgrammeYaml.write(BrandService.view(brand, names), ownerRef,
                rows.measures(List.of(brandId), names), indicators.of(List.of(brandId)));
    }

    /** The names of the units in the brand's owning subtree, in tree order: what a scope may name besides a role. */
    @Transactional(readOnly = true)
    public List<String> unitNamesUnder(long brandId) {
        currentUsers.require(Permission.BRAND_VIEW);
        ProgrammeRows.BrandRow brand = rows.brand(brandId).orElseThrow(() -> new NotFoundException("brand", brandId));
        ProgrammeReferences.Context c = references.context();
        return c.tree().stream().filter(u -> u.id() == brand.owningUnitId()).findFirst()
                .map(owner -> c.tree().stream().filter(u -> u.path().startsWith(owner.path()))
                        .filter(u -> u.unitType().party()).map(OrgUnitView::name).toList())
                .orElse(List.of());
    }

    /** The codes of the named windows of the academic calendar (七一, 十一 …), sorted. */
    @Transactional(readOnly = true)
    public List<String> windowCodes() {
        currentUsers.require(Permission.BRAND_VIEW);
        return references.context().windows().stream().sorted().toList();
    }

    /** The known type codes of an evidence kind, sorted; empty when its codes are free. */
    @Transactional(readOnly = true)
    public List<String> knownTypes(EvidenceKind kind) {
        currentUsers.require(Permission.BRAND_VIEW);
        return references.known(kind).stream().sorted().toList();
    }

    private Map<Long, String> names() {
        return unitNames.names(new HashSet<>(rows.referencedUnits()));
    }

    // ---- editing -----------------------------------------------------------------------------------

    @Transactional
    public long addMeasure(long brandId, MeasureForm form) {
        ProgrammeRows.BrandRow brand = editable(brandId);
        MeasureForm m = checked(brand.id(), null, form);
        long id = saveMeasure(() -> rows.insertMeasure(brand.id(), m, m.sortOrder()));
        audit.record(AuditAction.CREATE, "programme_measure", id, AuditOutcome.SUCCESS, m.code());
        return id;
    }

    @Transactional
    public void updateMeasure(long measureId, MeasureForm form) {
        long brandId = rows.brandOfMeasure(measureId).orElseThrow(() -> new NotFoundException("measure", measureId));
        editable(brandId);
        MeasureForm m = checked(brandId, measureId, form);
        saveMeasure(() -> {
            rows.updateMeasure(measureId, m, m.sortOrder());
            return measureId;
        });
        audit.record(AuditAction.UPDATE, "programme_measure", measureId, AuditOutcome.SUCCESS, m.code());
    }

    @Transactional
    public void deleteMeasure(long measureId) {
        long brandId = rows.brandOfMeasure(measureId).orElseThrow(() -> new NotFoundException("measure", measureId));
        editable(brandId);
        rows.deleteMeasure(measureId);
        audit.record(AuditAction.DELETE, "programme_measure", measureId, AuditOutcome.SUCCESS, null);
    }

    @Transactional
    public Saved addRequirement(long measureId, RequirementForm form) {
        long brandId = rows.brandOfMeasure(measureId).orElseThrow(() -> new NotFoundException("measure", measureId));
        ProgrammeRows.BrandRow brand = editable(brandId);
        List<FieldProblem> warnings = new ArrayList<>();
        ProgrammeRows.RequirementRow r = checked(brand, null, rows.nextRequirementOrder(measureId), form, warnings);
        long id = saveMeasure(() -> rows.insertRequirement(brandId, measureId, r));
        audit.record(AuditAction.CREATE, "programme_requirement", id, AuditOutcome.SUCCESS, r.code());
        return new Saved(id, warnings);
    }

    @Transactional
    public Saved updateRequirement(long requirementId, RequirementForm form) {
        long brandId = rows.brandOfRequirement(requirementId)
                .orElseThrow(() -> new NotFoundException("requirement", requirementId));
        ProgrammeRows.BrandRow brand = editable(brandId);
        List<FieldProblem> warnings = new ArrayList<>();
        ProgrammeRows.RequirementRow r = checked(brand, requirementId, 0, form, warnings);
        saveMeasure(() -> {
            rows.updateRequirement(requirementId, r);
            return requirementId;
        });
        audit.record(AuditAction.UPDATE, "programme_requirement", requirementId, AuditOutcome.SUCCESS, r.code());
        return new Saved(requirementId, warnings);
    }

    @Transactional
    public void deleteRequirement(long requirementId) {
        long brandId = rows.brandOfRequirement(requirementId)
                .orElseThrow(() -> new NotFoundException("requirement", requirementId));
        editable(brandId);
        rows.deleteRequirement(requirementId);
        audit.record(AuditAction.DELETE, "programme_requirement", requirementId, AuditOutcome.SUCCESS, null);
    }

    /** A unique key raced by a concurrent save of the same code: answered like the check before it. */
    private long saveMeasure(java.util.function.LongSupplier save) {
        try {
            return save.getAsLong();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(List.of(new FieldProblem("code", "programme.code.taken")));
        }
    }

    ProgrammeRows.BrandRow editable(long brandId) {
        currentUsers.require(Permission.BRAND_EDIT);
        ProgrammeRows.BrandRow brand = rows.brand(brandId).orElseThrow(() -> new NotFoundException("brand", brandId));
        if (!references.visible(references.context(), brand.owningUnitId())) {
            throw new NotFoundException("brand", brandId);
        }
        return brand;
    }

    private MeasureForm checked(long brandId, Long measureId, MeasureForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = strip(form.code());
        if (code == null) {
            problems.add(new FieldProblem("code", "validation.required"));
        } else if (!ProgrammeYaml.CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "programme.code.invalid"));
        } else if (rows.measures(List.of(brandId), Map.of()).stream()
                .anyMatch(m -> m.code().equals(code) && (measureId == null || m.id() != measureId))) {
            problems.add(new FieldProblem("code", "programme.code.taken"));
        }
        required(problems, "nameZh", form.nameZh(), 100);
        required(problems, "nameEn", form.nameEn(), 200);
        for (String field : List.of("level", "category")) {
            String value = strip(field.equals("level") ? form.level() : form.category());
            if (value == null) {
                problems.add(new FieldProblem(field, "validation.required"));
            } else if (!ProgrammeYaml.CODE.matcher(value).matches() || value.length() > 40) {
                problems.add(new FieldProblem(field, "programme.code.invalid"));
            }
        }
        if (form.description() != null && form.description().length() > 2000) {
            problems.add(new FieldProblem("description", "programme.tooLong", 2000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int sortOrder = form.sortOrder() != null ? form.sortOrder()
                : rows.measures(List.of(brandId), Map.of()).stream().mapToInt(MeasureView::sortOrder).max().orElse(0) + 10;
        return new MeasureForm(code, form.nameZh().strip(), form.nameEn().strip(), strip(form.level()),
                strip(form.category()), sortOrder, strip(form.description()));
    }

    private ProgrammeRows.RequirementRow checked(ProgrammeRows.BrandRow brand, Long requirementId, int sortOrder,
                                                 RequirementForm form, List<FieldProblem> warnings) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = strip(form.code());
        if (code == null) {
            problems.add(new FieldProblem("code", "validation.required"));
        } else if (!ProgrammeYaml.CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "programme.code.invalid"));
        } else if (rows.measures(List.of(brand.id()), Map.of()).stream().flatMap(m -> m.requirements().stream())
                .anyMatch(r -> r.code().equals(code) && (requirementId == null || r.id() != requirementId))) {
            problems.add(new FieldProblem("code", "programme.code.taken"));
        }
        required(problems, "nameZh", form.nameZh(), 200);
        required(problems, "nameEn", form.nameEn(), 300);
        if (form.subject() == null) {
            problems.add(new FieldProblem("subject", "validation.required"));
        }
        if (form.quantity() == null) {
            problems.add(new FieldProblem("quantity", "validation.required"));
        }
        if (form.period() == null) {
            problems.add(new FieldProblem("period", "validation.required"));
        }
        BigDecimal threshold = form.threshold();
        if (threshold == null) {
            problems.add(new FieldProblem("threshold", "validation.required"));
        } else if (threshold.signum() <= 0) {
            problems.add(new FieldProblem("threshold", "programme.threshold.positive"));
        } else if (threshold.stripTrailingZeros().scale() > 2 || threshold.compareTo(new BigDecimal("99999999")) > 0) {
            problems.add(new FieldProblem("threshold", "programme.threshold.invalid"));
        }
        ProgrammeReferences.Context context = references.context();
        String unit = strip(form.unit());
        Long unitId = null;
        if (unit != null) {
            Optional<OrgUnitView> resolved = references.resolve(context, unit, brand.owningUnitId());
            if (resolved.isEmpty()) {
                problems.add(new FieldProblem("unit", "programme.unit.unknown", unit));
            } else {
                unitId = resolved.get().id();
            }
        }
        List<EvidenceSelector> evidence = new ArrayList<>();
        List<String> kinds = form.evidenceKinds() == null ? List.of() : form.evidenceKinds();
        for (int i = 0; i < kinds.size(); i++) {
            String kind = strip(kinds.get(i));
            String type = form.evidenceTypes() == null || i >= form.evidenceTypes().size() ? null
                    : strip(form.evidenceTypes().get(i));
            if (kind == null) {
                continue;
            }
            EvidenceKind k;
            try {
                k = EvidenceKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("evidence", "programme.evidence.unknownKind", kind));
                continue;
            }
            EvidenceSelector selector = new EvidenceSelector(k, type);
            if (type != null && (type.length() > 60 || references.unknownType(selector))) {
                problems.add(new FieldProblem("evidence", "programme.evidence.unknownType", type));
            } else if (evidence.contains(selector)) {
                problems.add(new FieldProblem("evidence", "programme.evidence.duplicate", kind));
            } else {
                evidence.add(selector);
            }
        }
        if (evidence.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("evidence"))) {
            problems.add(new FieldProblem("evidence", "programme.evidence.required"));
        }
        String window = strip(form.window());
        if (window != null && (window.length() > 40 || !ProgrammeYaml.CODE.matcher(window).matches())) {
            problems.add(new FieldProblem("window", "programme.code.invalid"));
        } else if (window != null && !references.windowKnown(context, window)) {
            warnings.add(new FieldProblem("window", "programme.window.unknown", window));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProgrammeRows.RequirementRow(code, form.nameZh().strip(), form.nameEn().strip(), sortOrder,
                form.subject(), unit, unitId, form.politicalStatuses(), form.posts(), form.personTypes(),
                form.quantity(), threshold, form.period(), window, evidence);
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "programme.tooLong", max));
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- the file ----------------------------------------------------------------------------------

    /**
     * Replaces the brand's texts and whole programme with the file's, in one transaction. A file with any problem
     * (syntax, fields, values, duplicate codes, units, windows or type codes this organisation does not hold) is
     * refused whole, each problem with its line, and nothing changes.
     */
    @Transactional
    public ProgrammeView importYaml(long brandId, String text) {
        ProgrammeRows.BrandRow brand = editable(brandId);
        ProgrammeYaml.Doc doc = parse(text);
        replace(brand, doc, true);
        audit.record(AuditAction.IMPORT, "brand", brandId, AuditOutcome.SUCCESS,
                doc.measures().size() + " measures");
        return programme(brandId);
    }

    private static ProgrammeYaml.Doc parse(String text) {
        try {
            return ProgrammeYaml.read(text);
        } catch (ProgrammeYaml.Refused refused) {
            throw new InvalidInputException(refused.problems);
        }
    }

    /**
     * First-run setup: loads the default template as the programme of a new brand owned by the general branch under
     * {@code root} (the root itself when there is none), working as {@code adminUsername}. Units the template names
     * that the organisation does not hold yet, and windows its calendar lacks, are kept as written: the requirements
     * concerned apply to nobody until an edit or a new import finds them.
     */
    @Transactional
    public BrandView installDefault(OrgUnitView root, String adminUsername) {
        String text;
        try (InputStream in = new ClassPathResource(DEFAULT_TEMPLATE).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("default programme template missing: " + DEFAULT_TEMPLATE, e);
        }
        ProgrammeYaml.Doc doc = parse(text);
        return accounts.runAs(adminUsername, () -> {
            ProgrammeReferences.Context context = references.context();
            long owner = references.resolve(context, doc.brand().owner(), root.id()).map(OrgUnitView::id)
                    .orElse(root.id());
            long brandId = rows.insertBrand(owner, doc.brand().owner(), doc.brand().name(), doc.brand().slogan(),
                    doc.brand().concept(), doc.brand().connotation(), true);
            replace(rows.brand(brandId).orElseThrow(), doc, false);
            audit.recordAs(adminUsername, null, AuditAction.CREATE, "brand", brandId, AuditOutcome.SUCCESS,
                    DEFAULT_TEMPLATE);
            log.info("Default programme loaded for {} (unit {}): {} measures", doc.brand().name(), owner,
                    doc.measures().size());
            return BrandService.view(rows.brand(brandId).orElseThrow(), names());
        });
    }

    private void replace(ProgrammeRows.BrandRow brand, ProgrammeYaml.Doc doc, boolean strict) {
        ProgrammeReferences.Context context = references.context();
        List<FieldProblem> problems = new ArrayList<>();
        long owner = brand.owningUnitId();
        String ownerRef = doc.brand().owner();
        if (strict && ownerRef != null) {
            Optional<OrgUnitView> found = references.resolve(context, ownerRef, brand.owningUnitId());
            if (found.isEmpty()) {
                found = context.tree().stream().filter(u -> u.parentId() == null
                                || context.tree().stream().noneMatch(p -> p.id() == u.parentId()))
                        .map(top -> references.resolve(context, ownerRef, top.id())).flatMap(Optional::stream)
                        .findFirst();
            }
            if (found.isEmpty()) {
                problems.add(ProgrammeYaml.atLine(doc.brand().ownerLine(), "programme.yaml.unknownUnit", ownerRef));
            } else {
                owner = found.get().id();
            }
        }
        List<List<ProgrammeRows.RequirementRow>> measures = new ArrayList<>();
        for (ProgrammeYaml.MeasureDoc m : doc.measures()) {
            List<ProgrammeRows.RequirementRow> requirements = new ArrayList<>();
            int order = 0;
            for (ProgrammeYaml.RequirementDoc r : m.requirements()) {
                order += 10;
                Long unitId = null;
                if (r.unit() != null) {
                    unitId = references.resolve(context, r.unit(), owner).map(OrgUnitView::id).orElse(null);
                    if (unitId == null && strict) {
                        problems.add(ProgrammeYaml.atLine(r.unitLine(), "programme.yaml.unknownUnit", r.unit()));
                    }
                }
                if (strict && !references.windowKnown(context, r.window())) {
                    problems.add(ProgrammeYaml.atLine(r.windowLine(), "programme.yaml.unknownWindow", r.window()));
                }
                for (int i = 0; i < r.evidence().size(); i++) {
                    if (strict && references.unknownType(r.evidence().get(i))) {
                        problems.add(ProgrammeYaml.atLine(r.evidenceLines().get(i), "programme.yaml.unknownType",
                                r.evidence().get(i).type()));
                    }
                }
                requirements.add(new ProgrammeRows.RequirementRow(r.code(), r.nameZh(), r.nameEn(), order,
                        r.subject(), r.unit(), unitId, r.statuses(), r.posts(), r.personTypes(), r.quantity(),
                        r.threshold(), r.period(), r.window(), r.evidence()));
            }
            measures.add(requirements);
        }
        for (ProgrammeYaml.IndicatorDoc i : doc.indicators()) {
            IndicatorSelector[] sides = {i.definition().numerator(), i.definition().denominator()};
            for (int s = 0; s < sides.length; s++) {
                IndicatorSelector side = sides[s];
                if (!strict || side == null || side.aggregate().source() == IndicatorAggregate.Source.POPULATION) {
                    continue;
                }
                EvidenceKind kind = side.aggregate().source() == IndicatorAggregate.Source.EVIDENCE ? side.kind()
                        : EvidenceKind.EVENT_HELD;
                for (String type : side.types()) {
                    if (references.unknownType(new EvidenceSelector(kind, type))) {
                        problems.add(ProgrammeYaml.atLine(i.selectorLines().get(Math.min(s,
                                i.selectorLines().size() - 1)), "programme.yaml.unknownType", type));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(p -> (Integer) p.args()[0]));
            throw new InvalidInputException(problems);
        }
        rows.deleteProgramme(brand.id());
        rows.updateBrand(brand.id(), doc.brand().name(), doc.brand().slogan(), doc.brand().concept(),
                doc.brand().connotation(), brand.active());
        rows.updateOwner(brand.id(), owner, ownerRef);
        for (int i = 0; i < doc.measures().size(); i++) {
            ProgrammeYaml.MeasureDoc m = doc.measures().get(i);
            long measureId = rows.insertMeasure(brand.id(), m.form(), m.form().sortOrder());
            for (ProgrammeRows.RequirementRow r : measures.get(i)) {
                rows.insertRequirement(brand.id(), measureId, r);
            }
        }
        indicators.replace(brand.id(), doc.indicators().stream().map(ProgrammeYaml.IndicatorDoc::definition).toList());
    }

    /** The indicators of a brand's programme, in file order. */
    @Transactional(readOnly = true)
    public List<IndicatorDefinition> indicators(long brandId) {
        currentUsers.require(Permission.BRAND_VIEW);
        rows.brand(brandId).orElseThrow(() -> new NotFoundException("brand", brandId));
        return indicators.of(List.of(brandId));
    }
}
