package cn.hongxin.compliance;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class SchedulerLockPostgresTests extends SchedulerLockTests {
}
