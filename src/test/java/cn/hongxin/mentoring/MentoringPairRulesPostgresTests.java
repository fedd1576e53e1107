package cn.hongxin.mentoring;

import cn.hongxin.support.OnPostgres;

/** Forming pairs, on PostgreSQL. */
@OnPostgres
class MentoringPairRulesPostgresTests extends MentoringPairRulesTests {
}
