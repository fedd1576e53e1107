package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

/** The Lecture Hall services on PostgreSQL: the migration, the time columns and the averages. */
@OnPostgres
class LectureSeriesServicePostgresTests extends LectureSeriesServiceTests {
}
