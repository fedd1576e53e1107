package cn.hongxin.events;

import java.time.Instant;
import java.util.List;

/**
 * A lecture series scheduled its lectures (on creation, or more when regenerated): one announcement for all of
 * them, to the people invited to the first new lecture.
 */
public record LectureSeriesScheduled(long seriesId, String name, long firstEventId, Instant firstStartsAt,
                                     String place, int lectures, List<Long> personIds) {
}
