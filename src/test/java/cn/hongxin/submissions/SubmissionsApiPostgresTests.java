package cn.hongxin.submissions;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class SubmissionsApiPostgresTests extends SubmissionsApiTests {
}
