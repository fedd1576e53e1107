package cn.hongxin.brand;

import cn.hongxin.support.OnPostgres;

/** The brand and programme pages on PostgreSQL. */
@OnPostgres
class ProgrammePagesPostgresTests extends ProgrammePagesTests {
}
