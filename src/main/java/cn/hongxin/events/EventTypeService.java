package cn.hongxin.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;

/** The catalogue of event types: everybody reads it, {@code event:type:edit} maintains it. */
@Service
public class EventTypeService {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final EventTypeRepository types;
    private final EventScope scope;
    private final AuditTrail audit;

    EventTypeService(EventTypeRepository types, EventScope scope, AuditTrail audit) {
        this.types = types;
        this.scope = scope;
        this.audit = audit;
    }

    /** Every type, active or not, in catalogue order. */
    @Transactional(readOnly = true)
    public List<EventTypeView> all() {
        scope.user();
        return types.findAllByOrderBySortOrderAscIdAsc().stream().map(EventType::toView).toList();
    }

    /** The types that new events may use. */
    @Transactional(readOnly = true)
    public List<EventTypeView> active() {
        return all().stream().filter(EventTypeView::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<EventTypeView> byCode(String code) {
        scope.user();
        return types.findByCodeIgnoreCase(code).map(EventType::toView);
    }

    @Transactional(readOnly = true)
    public EventTypeView get(long id) {
        scope.user();
        return types.findById(id).map(EventType::toView).orElseThrow(() -> new NotFoundException("event type", id));
    }

    @Transactional
    public EventTypeView create(EventTypeForm form) {
        scope.require(Permission.EVENT_TYPE_EDIT);
        List<FieldProblem> problems = validate(form);
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "event.type.code.invalid"));
        } else if (types.findByCodeIgnoreCase(code).isPresent()) {
            problems.add(new FieldProblem("code", "event.type.code.taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        EventType type = new EventType(code);
        type.apply(form);
        types.save(type);
        audit.record(AuditAction.CREATE, "event_type", type.getId(), AuditOutcome.SUCCESS, code);
        return type.toView();
    }

    @Transactional
    public EventTypeView update(long id, EventTypeForm form) {
        scope.require(Permission.EVENT_TYPE_EDIT);
        EventType type = types.findById(id).orElseThrow(() -> new NotFoundException("event type", id));
        List<FieldProblem> problems = validate(form);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        type.apply(form);
        audit.record(AuditAction.UPDATE, "event_type", id, AuditOutcome.SUCCESS, type.getCode());
        return type.toView();
    }

    /** Deactivated types stay on past events but are no longer offered for new ones. */
    @Transactional
    public void setActive(long id, boolean active) {
        scope.require(Permission.EVENT_TYPE_EDIT);
        EventType type = types.findById(id).orElseThrow(() -> new NotFoundException("event type", id));
        type.setActive(active);
        audit.record(AuditAction.UPDATE, "event_type", id, AuditOutcome.SUCCESS,
                type.getCode() + " active=" + active);
    }

    private static List<FieldProblem> validate(EventTypeForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "nameZh", form.nameZh(), 50);
        required(problems, "nameEn", form.nameEn(), 80);
        if (form.category() == null) {
            problems.add(new FieldProblem("category", "validation.required"));
        }
        return problems;
    }

    static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong", max));
        }
    }
}
