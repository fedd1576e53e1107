package cn.hongxin.events;

import cn.hongxin.support.OnPostgres;

/** The login grace of QR sign-in on PostgreSQL. */
@OnPostgres
class QrSignInGracePostgresTests extends QrSignInGraceTests {
}
