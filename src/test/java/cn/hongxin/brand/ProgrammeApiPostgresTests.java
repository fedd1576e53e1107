package cn.hongxin.brand;

import cn.hongxin.support.OnPostgres;

/** The brand and programme API on PostgreSQL. */
@OnPostgres
class ProgrammeApiPostgresTests extends ProgrammeApiTests {
}
