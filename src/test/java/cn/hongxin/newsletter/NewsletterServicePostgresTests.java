package cn.hongxin.newsletter;

import cn.hongxin.support.OnPostgres;

@OnPostgres
class NewsletterServicePostgresTests extends NewsletterServiceTests {
}
