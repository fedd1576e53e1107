package cn.hongxin.events;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One kind of event in the catalogue. */
@Entity
@Table(name = "event_type")
class EventType {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String nameZh;
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private EventCategory category;
    private boolean contest;
    private boolean volunteer;
    private boolean active;
    private int sortOrder;

    protected EventType() {
    }

    EventType(String code) {
        this.code = code;
        this.active = true;
    }

    void apply(EventTypeForm form) {
        this.nameZh = form.nameZh().strip();
        this.nameEn = form.nameEn().strip();
        this.category = form.category();
        this.contest = Boolean.TRUE.equals(form.contest());
        this.volunteer = Boolean.TRUE.equals(form.volunteer());
        this.sortOrder = form.sortOrder() == null ? 0 : form.sortOrder();
    }

    void setActive(boolean active) {
        this.active = active;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    EventCategory getCategory() {
        return category;
    }

    boolean isContest() {
        return contest;
    }

    boolean isVolunteer() {
        return volunteer;
    }

    boolean isActive() {
        return active;
    }

    EventTypeView toView() {
        return new EventTypeView(id, code, nameZh, nameEn, category, contest, volunteer, active, sortOrder);
    }
}
