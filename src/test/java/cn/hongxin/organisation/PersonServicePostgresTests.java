package cn.hongxin.organisation;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class PersonServicePostgresTests extends PersonServiceTests {
}
