package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

/** QR sign-in on PostgreSQL: concurrent confirmations rely on the unique key and {@code on conflict do nothing}. */
@OnPostgres
class QrSignInServicePostgresTests extends QrSignInServiceTests {
}
