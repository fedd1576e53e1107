package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

/** Mentoring evidence, on PostgreSQL. */
@OnPostgres
class MentoringEvidencePostgresTests extends MentoringEvidenceTests {
}
