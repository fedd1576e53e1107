package cn.hongxin.outreach;

import cn.hongxin.support.OnPostgres;

/** The team roster on PostgreSQL. */
@OnPostgres
class TeamServicePostgresTests extends TeamServiceTests {
}
