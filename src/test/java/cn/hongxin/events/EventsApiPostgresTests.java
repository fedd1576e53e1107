package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class EventsApiPostgresTests extends EventsApiTests {
}
