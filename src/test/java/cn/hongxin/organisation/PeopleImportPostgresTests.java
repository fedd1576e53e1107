package cn.hongxin.organisation;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class PeopleImportPostgresTests extends PeopleImportTests {
}
