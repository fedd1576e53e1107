package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

/** The outreach evidence and the monthly column quota on PostgreSQL. */
@OnPostgres
class OutreachEvidencePostgresTests extends OutreachEvidenceTests {
}
