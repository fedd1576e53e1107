package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class EvidenceLedgerPostgresTests extends EvidenceLedgerTests {
}
