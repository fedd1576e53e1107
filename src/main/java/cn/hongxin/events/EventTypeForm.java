package cn.hongxin.events;

/** Adding or editing a kind of event; the code is fixed once created. */
public record EventTypeForm(String code, String nameZh, String nameEn, EventCategory category, Boolean contest,
                            Boolean volunteer, Integer sortOrder) {

    public static EventTypeForm empty() {
        return new EventTypeForm(null, null, null, EventCategory.ACTIVITY, false, false, 0);
    }
}
