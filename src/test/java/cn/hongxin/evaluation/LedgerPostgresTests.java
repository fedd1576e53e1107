package cn.hongxin.evaluation;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class LedgerPostgresTests extends LedgerTests {
}
