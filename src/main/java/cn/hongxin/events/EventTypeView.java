package cn.hongxin.events;

import java.util.Locale;

/** A kind of event as pages and other modules see it. */
public record EventTypeView(long id, String code, String nameZh, String nameEn, EventCategory category,
                            boolean contest, boolean volunteer, boolean active, int sortOrder) {

    /** The name in the given language (Chinese unless English is asked for). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
