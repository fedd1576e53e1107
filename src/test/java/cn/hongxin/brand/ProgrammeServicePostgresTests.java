package cn.hongxin.brand;

import cn.hongxin.support.OnPostgres;

/** The programme services on PostgreSQL. */
@OnPostgres
class ProgrammeServicePostgresTests extends ProgrammeServiceTests {
}
