package cn.hongxin.events;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes events as an iCalendar (RFC 5545) document with iCal4j: one VEVENT per event, its UID stable
 * ({@code event-<id>@hongxin}), start and end in Asia/Shanghai with the VTIMEZONE bundled in iCal4j (no
 * network: {@code ical4j.properties} turns the online time-zone updates off).
 */
@Component
class IcsWriter {

    private static final String TZID = EventService.ZONE.getId();

    private final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();

    String write(List<EventView> events, String calendarName, String baseUrl, Locale locale) {
        VTimeZone zone = registry.getTimeZone(TZID).getVTimeZone();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Hongxin//Events//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        calendar.add(new XProperty("X-WR-TIMEZONE", TZID));
        calendar.add(zone);
        Instant stamp = Instant.now();
        for (EventView e : events) {
            calendar.add(event(e, baseUrl, locale, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toString();
    }

    private VEvent event(EventView e, String baseUrl, Locale locale, Instant stamp) {
        LocalDateTime end = e.endsAt() != null && e.endsAt().isAfter(e.startsAt()) ? e.endsAt()
                : e.startsAt().plusHours(1);
        VEvent v = new VEvent(e.startsAt().atZone(EventService.ZONE), end.atZone(EventService.ZONE), e.title());
        v.replace(new DtStamp(stamp));
        v.add(new Uid("event-" + e.id() + "@hongxin"));
        if (e.place() != null && !e.place().isBlank()) {
            v.add(new Location(e.place()));
        }
        StringBuilder description = new StringBuilder();
        description.append(e.typeName(locale)).append(" · ").append(e.organiserUnitName());
        if (e.agenda() != null && !e.agenda().isBlank()) {
            description.append("\n\n").append(e.agenda());
        }
        v.add(new Description(description.toString()));
        v.add(new Categories(e.typeName(locale)));
        v.add(e.state() == EventState.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        v.add(new Url(URI.create(baseUrl + "/events/" + e.id())));
        return v;
    }
}
