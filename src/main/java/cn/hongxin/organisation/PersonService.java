package cn.hongxin.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.FieldCipher;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * People of the organisation. Every read and write is limited to the caller's data scope: a person
 * outside it is "not found", whatever id is guessed.
 */
@Service
public class PersonService {

    static final Sort PINYIN_ORDER = Sort.by("nameSort", "name", "id");

    private final PersonRepository people;
    private final OrgUnitRepository units;
    private final StatusChangeRepository statusChanges;
    private final PostAssignmentRepository posts;
    private final DataScope scope;
    private final FieldCipher cipher;
    private final AuditTrail audit;

    PersonService(PersonRepository people, OrgUnitRepository units, StatusChangeRepository statusChanges,
                  PostAssignmentRepository posts, DataScope scope, FieldCipher cipher, AuditTrail audit) {
        this.people = people;
        this.units = units;
        this.statusChanges = statusChanges;
        this.posts = posts;
        this.scope = scope;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Page<PersonRow> search(PersonQuery query, int page, int size) {
        String prefix = scope.prefix(Permission.PERSON_VIEW);
        Page<Person> found = people.findAll(scoped(query, prefix),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500), PINYIN_ORDER));
        Map<Long, List<PartyPost>> postsByPerson = posts.findByPersonIdInAndUntilIsNull(
                        found.getContent().stream().map(Person::getId).toList()).stream()
                .collect(Collectors.groupingBy(PostAssignment::getPersonId,
                        Collectors.mapping(PostAssignment::getPost, Collectors.toList())));
        return found.map(p -> toRow(p, postsByPerson.getOrDefault(p.getId(), List.of())));
    }

    /** Everything matching the query in scope, for exports (masked). */
    @Transactional(readOnly = true)
    public List<PersonRow> all(PersonQuery query) {
        String prefix = scope.prefix(Permission.PERSON_EXPORT);
        List<Person> found = people.findAll(scoped(query, prefix), PINYIN_ORDER);
        Map<Long, List<PartyPost>> postsByPerson = posts.findAll().stream().filter(a -> a.getUntil() == null)
                .collect(Collectors.groupingBy(PostAssignment::getPersonId,
                        Collectors.mapping(PostAssignment::getPost, Collectors.toList())));
        return found.stream().map(p -> toRow(p, postsByPerson.getOrDefault(p.getId(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    public PersonDetail get(long id) {
        Person p = load(id, Permission.PERSON_VIEW);
        Map<Long, String> unitNames = new java.util.HashMap<>();
        List<PersonDetail.PostView> postViews = posts.findByPersonIdOrderBySinceDesc(id).stream()
                .map(a -> new PersonDetail.PostView(a.getId(), a.getPost(), a.getOrgUnitId(),
                        unitNames.computeIfAbsent(a.getOrgUnitId(),
                                uid -> units.findById(uid).map(OrgUnit::getName).orElse("")),
                        a.getSince(), a.getUntil()))
                .toList();
        return new PersonDetail(p.getId(), p.getName(), p.getNamePinyin(), p.getGender(), p.getEthnicity(),
                p.getBirthDate(), p.getIdNumberMasked(), p.getPhoneMasked(), p.getEmail(), p.getStaffNo(),
                p.getPersonType(), idOf(p.getAdminUnit()), nameOf(p.getAdminUnit()), idOf(p.getBranch()),
                nameOf(p.getBranch()), idOf(p.getPartyGroup()), nameOf(p.getPartyGroup()), p.getPoliticalStatus(),
                p.getStatusSince(), p.isPartyLeader(), p.isActive(),
                statusChanges.findByPersonIdOrderByEffectiveOnAscIdAsc(id).stream().map(StatusChange::toView)
                        .toList(),
                postViews);
    }

    /** The form pre-filled for editing; ID number and phone stay blank (kept unless re-entered). */
    @Transactional(readOnly = true)
    public PersonForm formFor(long id) {
        Person p = load(id, Permission.PERSON_EDIT);
        return new PersonForm(p.getName(), p.getGender(), p.getEthnicity(), p.getBirthDate(), null, null,
                p.getEmail(), p.getStaffNo(), p.getPersonType(), idOf(p.getAdminUnit()), idOf(p.getBranch()),
                idOf(p.getPartyGroup()), p.getPoliticalStatus(), p.getStatusSince(), p.isPartyLeader());
    }

    @Transactional
    public long create(PersonForm form) {
        CurrentUser user = scope.require(Permission.PERSON_EDIT);
        String prefix = scope.prefix(user);
        Person p = new Person(form.personType());
        apply(p, form, prefix, true);
        people.save(p);
        statusChanges.save(new StatusChange(p.getId(), p.getPoliticalStatus(),
                p.getStatusSince() == null ? LocalDate.now() : p.getStatusSince(), null, user.username()));
        audit.record(AuditAction.CREATE, "person", p.getId(), AuditOutcome.SUCCESS, p.getName());
        return p.getId();
    }

    @Transactional
    public void update(long id, PersonForm form) {
        CurrentUser user = scope.require(Permission.PERSON_EDIT);
        Person p = load(id, Permission.PERSON_EDIT);
        PoliticalStatus before = p.getPoliticalStatus();
        apply(p, form, scope.prefix(user), false);
        p.touch();
        if (before != p.getPoliticalStatus()) {
            statusChanges.save(new StatusChange(id, p.getPoliticalStatus(),
                    p.getStatusSince() == null ? LocalDate.now() : p.getStatusSince(), null, user.username()));
        }
        audit.record(AuditAction.UPDATE, "person", id, AuditOutcome.SUCCESS, p.getName());
    }

    /** Records a dated transition of political status (e.g. 预备党员 → 正式党员 on the date of conversion). */
    @Transactional
    public void changeStatus(long id, PoliticalStatus status, LocalDate effectiveOn, String note) {
        CurrentUser user = scope.require(Permission.PERSON_EDIT);
        Person p = load(id, Permission.PERSON_EDIT);
        if (status == null || effectiveOn == null) {
            throw new UserFacingException("person.status.required");
        }
        if (effectiveOn.isAfter(LocalDate.now())) {
            throw new UserFacingException("person.statusSince.future");
        }
        // A step dated before the current status was reached fills in the history (a full member's
        // earlier steps entered afterwards); it does not replace the current status.
        if (p.getStatusSince() == null || !effectiveOn.isBefore(p.getStatusSince())) {
            p.setPoliticalStatus(status);
            p.setStatusSince(effectiveOn);
        }
        p.touch();
        statusChanges.save(new StatusChange(id, status, effectiveOn,
                note == null || note.isBlank() ? null : note.strip(), user.username()));
        audit.record(AuditAction.UPDATE, "person", id, AuditOutcome.SUCCESS, "status=" + status);
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Person p = load(id, Permission.PERSON_EDIT);
        p.setActive(active);
        p.touch();
        audit.record(active ? AuditAction.UPDATE : AuditAction.DELETE, "person", id, AuditOutcome.SUCCESS,
                "active=" + active);
    }

    @Transactional
    public void assignPost(long personId, long orgUnitId, PartyPost post, LocalDate since) {
        Person p = load(personId, Permission.PERSON_EDIT);
        String prefix = scope.prefix(Permission.PERSON_EDIT);
        OrgUnit unit = units.findById(orgUnitId).filter(u -> DataScope.within(prefix, u) && u.getUnitType().party())
                .orElseThrow(() -> new UserFacingException("person.post.unit.invalid"));
        if (post == null) {
            throw new UserFacingException("person.post.required");
        }
        PostAssignment saved = posts.save(new PostAssignment(p.getId(), unit.getId(), post,
                since == null ? LocalDate.now() : since));
        audit.record(AuditAction.CREATE, "post_assignment", saved.getId(), AuditOutcome.SUCCESS,
                p.getName() + " " + post + " @" + unit.getName());
    }

    @Transactional
    public void endPost(long personId, long assignmentId) {
        load(personId, Permission.PERSON_EDIT);
        PostAssignment a = posts.findById(assignmentId).filter(x -> x.getPersonId() == personId)
                .orElseThrow(() -> new NotFoundException("post", assignmentId));
        if (a.getUntil() != null) {
            return; // already ended: a second click (or a resubmitted form) changes nothing
        }
        a.end(LocalDate.now());
        audit.record(AuditAction.UPDATE, "post_assignment", assignmentId, AuditOutcome.SUCCESS, "ended");
    }

    /** The posts currently held in a party organisation the caller can see, in the order of {@link PartyPost}. */
    @Transactional(readOnly = true)
    public List<PostHolderView> officers(long orgUnitId) {
        String prefix = scope.prefix(Permission.ORG_VIEW);
        units.findById(orgUnitId).filter(u -> DataScope.within(prefix, u))
                .orElseThrow(() -> new NotFoundException("org unit", orgUnitId));
        List<PostAssignment> held = posts.findByOrgUnitIdAndUntilIsNull(orgUnitId);
        Map<Long, String> names = people.findAllById(held.stream().map(PostAssignment::getPersonId).toList())
                .stream().collect(Collectors.toMap(Person::getId, Person::getName));
        return held.stream()
                .sorted(java.util.Comparator.comparing(PostAssignment::getPost)
                        .thenComparing(PostAssignment::getSince))
                .map(a -> new PostHolderView(a.getId(), a.getPersonId(), names.getOrDefault(a.getPersonId(), ""),
                        a.getPost(), a.getSince()))
                .toList();
    }

    /** The ID number and phone in clear, for a caller with the reveal permission; audited every time. */
    @Transactional(readOnly = true)
    public SensitiveValues reveal(long id) {
        CurrentUser user = scope.current().orElse(null);
        if (user == null || !user.has(Permission.PERSON_REVEAL)) {
            audit.record(AuditAction.REVEAL, "person", id, AuditOutcome.DENIED, null);
            throw new org.springframework.security.access.AccessDeniedException("reveal not permitted");
        }
        Person p = people.findOne(PersonSpecifications.inUnit(scope.prefix(user))
                        .and((root, q, cb) -> cb.equal(root.get("id"), id)))
                .orElseThrow(() -> new NotFoundException("person", id));
        audit.record(AuditAction.REVEAL, "person", id, AuditOutcome.SUCCESS, p.getName());
        return new SensitiveValues(id, cipher.decrypt(p.getIdNumberEnc()), cipher.decrypt(p.getPhoneEnc()));
    }

    private Person load(long id, Permission permission) {
        String prefix = scope.prefix(permission);
        return people.findOne(PersonSpecifications.inUnit(prefix).and((root, q, cb) -> cb.equal(root.get("id"), id)))
                .orElseThrow(() -> new NotFoundException("person", id));
    }

    private void apply(Person p, PersonForm form, String prefix, boolean creating) {
        List<FieldProblem> problems = new ArrayList<>(PersonRules.check(form));
        // Classes and teaching offices are reference data: any may be chosen, but a person must stay in scope.
        OrgUnit adminUnit = unit(form.adminUnitId(), "", "adminUnitId", problems,
                java.util.EnumSet.of(OrgUnitType.CLASS, OrgUnitType.TEACHING_OFFICE, OrgUnitType.DEPARTMENT));
        OrgUnit branch = unit(form.branchId(), prefix, "branchId", problems,
                java.util.EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH));
        OrgUnit group = unit(form.partyGroupId(), prefix, "partyGroupId", problems,
                java.util.EnumSet.of(OrgUnitType.PARTY_GROUP));
        if (adminUnit == null && branch == null && group == null && problems.stream()
                .noneMatch(x -> x.field().endsWith("Id"))) {
            problems.add(new FieldProblem("branchId", "person.unit.required"));
        } else if (!prefix.isEmpty() && branch == null && group == null && adminUnit != null
                && !DataScope.within(prefix, adminUnit)) {
            problems.add(new FieldProblem("branchId", "person.unit.outOfScope"));
        }
        if (group != null && branch != null && !group.getPath().startsWith(branch.getPath())) {
            problems.add(new FieldProblem("partyGroupId", "person.group.notInBranch"));
        }
        String idNumber = form.idNumber() == null || form.idNumber().isBlank() ? null : form.idNumber().strip();
        String idHash = idNumber == null ? null : cipher.blindIndex(idNumber);
        Long selfId = p.getId() == null ? -1L : p.getId();
        if (idHash != null && people.existsByIdNumberHashAndIdNot(idHash, selfId)) {
            problems.add(new FieldProblem("idNumber", "person.idNumber.taken"));
        }
        String staffNo = form.staffNo() == null ? null : form.staffNo().strip();
        if (staffNo != null && !staffNo.isEmpty() && people.existsByStaffNoAndIdNot(staffNo, selfId)) {
            problems.add(new FieldProblem("staffNo", "person.staffNo.taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StoredPersonValues stored = StoredPersonValues.of(form.name(), idNumber, form.phone(), cipher);
        p.setName(stored.name());
        p.setNamePinyin(stored.pinyin());
        p.setNameSort(stored.sortKey());
        p.setNameInitials(stored.initials());
        p.setGender(form.gender());
        p.setEthnicity(form.ethnicity() == null || form.ethnicity().isBlank() ? null : form.ethnicity().strip());
        p.setStaffNo(staffNo);
        p.setEmail(form.email() == null || form.email().isBlank() ? null : form.email().strip());
        p.setPersonType(form.personType());
        p.setAdminUnit(adminUnit);
        p.setBranch(branch);
        p.setPartyGroup(group);
        p.setPoliticalStatus(form.politicalStatus());
        p.setStatusSince(form.statusSince());
        p.setPartyLeader(Boolean.TRUE.equals(form.partyLeader()));
        if (stored.hasIdNumber()) {
            p.setIdNumberEnc(stored.idEnc());
            p.setIdNumberHash(stored.idHash());
            p.setIdNumberMasked(stored.idMasked());
            p.setBirthDate(form.birthDate() == null ? stored.idBirthDate() : form.birthDate());
        } else {
            p.setBirthDate(form.birthDate() != null ? form.birthDate() : creating ? null : p.getBirthDate());
        }
        if (stored.hasPhone()) {
            p.setPhoneEnc(stored.phoneEnc());
            p.setPhoneMasked(stored.phoneMasked());
        }
    }

    private OrgUnit unit(Long id, String prefix, String field, List<FieldProblem> problems,
                         java.util.Set<OrgUnitType> types) {
        if (id == null) {
            return null;
        }
        OrgUnit unit = units.findById(id).filter(u -> DataScope.within(prefix, u) && types.contains(u.getUnitType()))
                .orElse(null);
        if (unit == null) {
            problems.add(new FieldProblem(field, "person.unit.invalid"));
        }
        return unit;
    }

    static Specification<Person> specification(PersonQuery query, String scopePrefix) {
        return PersonSpecifications.inUnit(scopePrefix)
                .and(PersonSpecifications.matches(query.q()))
                .and(PersonSpecifications.status(query.status()))
                .and(PersonSpecifications.type(query.type()))
                .and(PersonSpecifications.active(!Boolean.TRUE.equals(query.inactive())));
    }

    private Specification<Person> scoped(PersonQuery query, String prefix) {
        Specification<Person> spec = specification(query, prefix);
        if (query.unitId() != null) {
            String unitPath = units.findById(query.unitId()).filter(u -> DataScope.within(prefix, u))
                    .map(OrgUnit::getPath).orElse("/none/");
            spec = spec.and(PersonSpecifications.inUnit(unitPath));
        }
        return spec;
    }

    private static PersonRow toRow(Person p, List<PartyPost> posts) {
        return new PersonRow(p.getId(), p.getName(), p.getGender(), p.getPersonType(), p.getStaffNo(),
                nameOf(p.getBranch()), nameOf(p.getAdminUnit()), p.getPoliticalStatus(), p.getIdNumberMasked(),
                p.getPhoneMasked(), p.isPartyLeader(), posts, p.isActive());
    }

    private static Long idOf(OrgUnit u) {
        return u == null ? null : u.getId();
    }

    private static String nameOf(OrgUnit u) {
        return u == null ? null : u.getName();
    }
}
