package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

/** Notifications from events on PostgreSQL: the dedup key's unique index and insert-if-absent. */
@OnPostgres
class EventNoticesPostgresTests extends EventNoticesTests {
}
