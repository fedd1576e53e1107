package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

/** Walk-ins on PostgreSQL: concurrent first sign-ins rely on the unique keys and {@code on conflict do nothing}. */
@OnPostgres
class QrSignInWalkInPostgresTests extends QrSignInWalkInTests {
}
