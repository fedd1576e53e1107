package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class ComplianceRemindersPostgresTests extends ComplianceRemindersTests {
}
