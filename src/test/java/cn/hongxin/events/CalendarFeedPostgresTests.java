package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

/** The calendar feeds on PostgreSQL: the new table, the unique token hash and the path-prefix query. */
@OnPostgres
class CalendarFeedPostgresTests extends CalendarFeedTests {
}
