package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class ComplianceEnginePostgresTests extends ComplianceEngineTests {
}
