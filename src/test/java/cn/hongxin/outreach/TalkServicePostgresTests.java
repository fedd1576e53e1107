package cn.hongxin.outreach;

import cn.hongxin.support.OnPostgres;

/** Recording talks on PostgreSQL: one event per client request id, evidence once. */
@OnPostgres
class TalkServicePostgresTests extends TalkServiceTests {
}
