package cn.hongxin.notifications;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class InboxPostgresTests extends InboxTests {
}
