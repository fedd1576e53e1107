package cn.hongxin.events;

import java.util.List;

/** The signed-in person's events: upcoming (soonest first) and past (latest first), with their attendance. */
public record MyEvents(List<Line> upcoming, List<Line> past) {

    public record Line(EventView event, AttendanceStatus attendance) {
    }
}
