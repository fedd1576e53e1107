package cn.hongxin.operations;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class PublicationCompletionPostgresTests extends PublicationCompletionTests {
}
