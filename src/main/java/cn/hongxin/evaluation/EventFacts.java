package cn.hongxin.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import cn.hongxin.events.EventQuery;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventView;

/** The events of a subtree in a date range, read through the events module's service (its scope applies). */
@Component
class EventFacts {

    private static final int PAGE = 200;
    private static final int MAX_EVENTS = 20_000;

    private final EventService events;

    EventFacts(EventService events) {
        this.events = events;
    }

    /** Every event of the unit's subtree starting between the two days (both included), newest first. */
    List<EventView> between(long unitId, LocalDate from, LocalDate to) {
        List<EventView> all = new ArrayList<>();
        int page = 0;
        while (all.size() < MAX_EVENTS) {
            Page<EventView> found = events.search(new EventQuery(null, unitId, null, from, to), page++, PAGE);
            all.addAll(found.getContent());
            if (!found.hasNext()) {
                break;
            }
        }
        return all;
    }

    /**
     * The events of the unit's subtree in a state starting between the two days, newest first, read a page of
     * {@code pageSize} at a time as the caller iterates: a caller that needs the first few reads no more.
     */
    Iterable<EventView> newestFirst(long unitId, EventState state, LocalDate from, LocalDate to, int pageSize) {
        return () -> new Iterator<>() {
            private int page;
            private Iterator<EventView> current = Collections.emptyIterator();
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    Page<EventView> found = events.search(new EventQuery(null, unitId, state, from, to), page++,
                            pageSize);
                    current = found.getContent().iterator();
                    more = found.hasNext() && page * pageSize < MAX_EVENTS;
                }
                return current.hasNext();
            }

            @Override
            public EventView next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
