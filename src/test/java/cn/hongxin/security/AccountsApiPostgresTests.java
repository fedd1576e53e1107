package cn.hongxin.security;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class AccountsApiPostgresTests extends AccountsApiTests {
}
