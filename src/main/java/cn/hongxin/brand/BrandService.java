package cn.hongxin.brand;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.security.ScopeUnits;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * The brand as an organisation presents it: every signed-in account may read it (the home page shows it);
 * {@code brand:edit} changes its texts and logo, for a brand whose owning unit lies in the caller's data scope.
 */
@Service
public class BrandService {

    private final ProgrammeRows rows;
    private final ProgrammeService programmes;
    private final ProgrammeReferences references;
    private final CurrentUsers currentUsers;
    private final ScopeUnits unitNames;
    private final FileStore files;
    private final AuditTrail audit;

    BrandService(ProgrammeRows rows, ProgrammeService programmes, ProgrammeReferences references,
                 CurrentUsers currentUsers, ScopeUnits unitNames, FileStore files, AuditTrail audit) {
        this.rows = rows;
        this.programmes = programmes;
        this.references = references;
        this.currentUsers = currentUsers;
        this.unitNames = unitNames;
        this.files = files;
        this.audit = audit;
    }

    /** Every brand, oldest first. */
    @Transactional(readOnly = true)
    public List<BrandView> brands() {
        currentUsers.require();
        List<ProgrammeRows.BrandRow> all = rows.brands();
        Map<Long, String> names = unitNames.names(new HashSet<>(all.stream()
                .map(ProgrammeRows.BrandRow::owningUnitId).toList()));
        return all.stream().map(b -> view(b, names)).toList();
    }

    /** The brand the portal presents: the oldest active one. */
    @Transactional(readOnly = true)
    public Optional<BrandView> presented() {
        return brands().stream().filter(BrandView::active).findFirst();
    }

    @Transactional(readOnly = true)
    public BrandView get(long id) {
        return brands().stream().filter(b -> b.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("brand", id));
    }

    /** A new brand with an empty programme, owned by a unit in the caller's scope. */
    @Transactional
    public BrandView create(long owningUnitId, BrandForm form) {
        currentUsers.require(Permission.BRAND_EDIT);
        if (!references.visible(references.context(), owningUnitId)) {
            throw new NotFoundException("org unit", owningUnitId);
        }
        check(form);
        long id = rows.insertBrand(owningUnitId, null, form.name().strip(), ProgrammeService.strip(form.slogan()),
                ProgrammeService.strip(form.concept()), ProgrammeService.strip(form.connotation()), form.active());
        audit.record(AuditAction.CREATE, "brand", id, AuditOutcome.SUCCESS, form.name().strip());
        return get(id);
    }

    @Transactional
    public BrandView update(long id, BrandForm form) {
        programmes.editable(id);
        check(form);
        rows.updateBrand(id, form.name().strip(), ProgrammeService.strip(form.slogan()),
                ProgrammeService.strip(form.concept()), ProgrammeService.strip(form.connotation()), form.active());
        audit.record(AuditAction.UPDATE, "brand", id, AuditOutcome.SUCCESS, form.name().strip());
        return get(id);
    }

    /** Stores an image (checked by content, thumbnailed by the file store) as the brand's logo. */
    @Transactional
    public BrandView uploadLogo(long id, String originalName, InputStream content) {
        programmes.editable(id);
        StoredFile file = files.store(originalName == null ? "logo" : originalName, content, FilePurpose.PHOTO);
        if (!file.image()) {
            throw new UserFacingException("file.type.notAllowed");
        }
        rows.updateLogo(id, file.id());
        audit.record(AuditAction.UPDATE, "brand", id, AuditOutcome.SUCCESS, "logo file " + file.id());
        return get(id);
    }

    private static void check(BrandForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (form.name().strip().length() > 100) {
            problems.add(new FieldProblem("name", "programme.tooLong", 100));
        }
        if (form.slogan() != null && form.slogan().strip().length() > 200) {
            problems.add(new FieldProblem("slogan", "programme.tooLong", 200));
        }
        if (form.concept() != null && form.concept().strip().length() > 2000) {
            problems.add(new FieldProblem("concept", "programme.tooLong", 2000));
        }
        if (form.connotation() != null && form.connotation().strip().length() > 4000) {
            problems.add(new FieldProblem("connotation", "programme.tooLong", 4000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static BrandView view(ProgrammeRows.BrandRow b, Map<Long, String> names) {
        return new BrandView(b.id(), b.owningUnitId(), names.get(b.owningUnitId()), b.name(), b.slogan(), b.concept(),
                b.connotation(), b.logoFileId(), b.active());
    }
}
