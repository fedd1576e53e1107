package cn.hongxin.organisation;

import cn.hongxin.support.OnPostgres;

/** The people pages on PostgreSQL: pinyin search, masking and data scope run the same queries there. */
@OnPostgres
class PeoplePagesPostgresTests extends PeoplePagesTests {
}
