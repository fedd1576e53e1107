package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

/** The event services on PostgreSQL: the raced sign-in relies on the unique key and {@code on conflict do nothing}. */
@OnPostgres
class EventServicePostgresTests extends EventServiceTests {
}
