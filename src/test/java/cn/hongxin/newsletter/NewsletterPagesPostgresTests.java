package cn.hongxin.newsletter;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class NewsletterPagesPostgresTests extends NewsletterPagesTests {
}
