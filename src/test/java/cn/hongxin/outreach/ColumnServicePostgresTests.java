package cn.hongxin.outreach;

import cn.hongxin.support.OnPostgres;

/** The column calendar's states on PostgreSQL. */
@OnPostgres
class ColumnServicePostgresTests extends ColumnServiceTests {
}
