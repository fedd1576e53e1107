package cn.hongxin.evaluation;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class ReportPostgresTests extends ReportTests {
}
