package cn.hongxin.mentoring;

import cn.hongxin.support.OnPostgres;

/** The teachers' branch secretary forms pairs, on PostgreSQL. */
@OnPostgres
class MentoringBranchSecretaryPostgresTests extends MentoringBranchSecretaryTests {
}
