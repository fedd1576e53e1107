package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

/** Event photos and attachments, and who may read them, on PostgreSQL. */
@OnPostgres
class EventFilesPostgresTests extends EventFilesTests {
}
