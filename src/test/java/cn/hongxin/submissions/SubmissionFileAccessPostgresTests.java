package cn.hongxin.submissions;

import cn.hongxin.support.OnPostgres;

/** Who may read submissions' files, on PostgreSQL. */
@OnPostgres
class SubmissionFileAccessPostgresTests extends SubmissionFileAccessTests {
}
