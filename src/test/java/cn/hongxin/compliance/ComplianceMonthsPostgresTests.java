package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

/** A monthly requirement month by month over the semester, on PostgreSQL. */
@OnPostgres
class ComplianceMonthsPostgresTests extends ComplianceMonthsTests {
}
