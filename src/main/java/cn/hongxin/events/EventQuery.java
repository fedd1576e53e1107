package cn.hongxin.events;

import java.time.LocalDate;

/** The events search form: type, organiser unit (with its subtree), state, date range (inclusive). */
public record EventQuery(Long typeId, Long unitId, EventState state, LocalDate from, LocalDate to) {

    public static EventQuery all() {
        return new EventQuery(null, null, null, null, null);
    }
}
