package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class EvidenceGroupCommitPostgresTests extends EvidenceGroupCommitTests {
}
