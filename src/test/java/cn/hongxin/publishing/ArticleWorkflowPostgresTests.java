package cn.hongxin.publishing;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class ArticleWorkflowPostgresTests extends ArticleWorkflowTests {
}
