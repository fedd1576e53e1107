package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

/** The who-is-behind name search on PostgreSQL. */
@OnPostgres
class ComplianceBehindSearchPostgresTests extends ComplianceBehindSearchTests {
}
