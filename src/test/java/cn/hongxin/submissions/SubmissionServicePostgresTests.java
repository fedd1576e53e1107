package cn.hongxin.submissions;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class SubmissionServicePostgresTests extends SubmissionServiceTests {
}
