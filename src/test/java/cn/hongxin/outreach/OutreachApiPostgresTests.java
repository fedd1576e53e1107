package cn.hongxin.outreach;

import cn.hongxin.support.OnPostgres;

/** The outreach API on PostgreSQL. */
@OnPostgres
class OutreachApiPostgresTests extends OutreachApiTests {
}
