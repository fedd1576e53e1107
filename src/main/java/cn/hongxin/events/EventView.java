package cn.hongxin.events;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * An event as pages, the API and other modules see it; times are local (Asia/Shanghai). {@code walkInsOpen}: people who
 * were not invited may sign in (and are added to the roll-call as walk-ins).
 */
public record EventView(long id, EventTypeView type, long organiserUnitId, String organiserUnitName, String title,
                        Long hostPersonId, String hostName, Long speakerPersonId, String speakers,
                        LocalDateTime startsAt, LocalDateTime endsAt, String place, String agenda, EventState state,
                        String summary, Set<ThreeCombination> tags, String minutes, long invitedCount,
                        boolean walkInsOpen) {

    public String typeName(Locale locale) {
        return type.name(locale);
    }

    public boolean open() {
        return state.open();
    }
}
