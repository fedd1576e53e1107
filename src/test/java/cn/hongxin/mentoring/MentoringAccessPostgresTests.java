package cn.hongxin.mentoring;

import cn.hongxin.support.OnPostgres;

/** The access matrix, audit and encryption of mentoring records, on PostgreSQL. */
@OnPostgres
class MentoringAccessPostgresTests extends MentoringAccessTests {
}
