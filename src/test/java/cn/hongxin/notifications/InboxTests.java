package cn.hongxin.notifications;

import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class InboxTests {

    @Autowired
    Inbox inbox;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestOrganisation org;
    @Autowired
    CurrentUsers currentUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    /** A member account linked to a (made-up, unique) person id. */
    record Member(String username, long accountId, long personId) {
    }

    Member member() {
        org.admin();
        String username = accounts.create("inbox", EnumSet.of(Role.MEMBER), null);
        long personId = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbc.sql("update account set person_id = ? where username = ?").params(personId, username).update();
        long accountId = accounts.runAs(username, () -> currentUsers.require().accountId());
        return new Member(username, accountId, personId);
    }

    @Test
    void aMemberSeesWhatWasSentToTheirPersonAndTheirAccountButNotToOthers() {
        Member me = member();
        Member other = member();
        inbox.notifyPerson(me.personId(), "TEST", "支部大会通知", "周三下午三点", "/org/calendar");
        inbox.notifyAccount(me.accountId(), "TEST", "账号消息", null, null);
        long othersId = inbox.notifyPerson(other.personId(), "TEST", "别人的消息", null, null);

        accounts.runAs(me.username(), () -> {
            assertThat(inbox.unreadCount()).isEqualTo(2);
            assertThat(inbox.list(0).getContent()).extracting(InboxItem::title)
                    .containsExactly("账号消息", "支部大会通知");
            assertThatThrownBy(() -> inbox.markRead(othersId)).isInstanceOf(NotFoundException.class);
        });
        accounts.runAs(other.username(), () -> {
            assertThat(inbox.unreadCount()).isEqualTo(1);
            assertThat(inbox.list(0).getContent()).singleElement()
                    .satisfies(n -> assertThat(n.title()).isEqualTo("别人的消息"));
        });
    }

    @Test
    void markReadAndMarkAllReadChangeTheUnreadCount() {
        Member me = member();
        long first = inbox.notifyPerson(me.personId(), "TEST", "一", null, null);
        inbox.notifyPerson(me.personId(), "TEST", "二", null, null);
        inbox.notifyAccount(me.accountId(), "TEST", "三", null, null);
        accounts.runAs(me.username(), () -> {
            assertThat(inbox.unreadCount()).isEqualTo(3);
            assertThat(inbox.markRead(first).unread()).isFalse();
            assertThat(inbox.unreadCount()).isEqualTo(2);
            assertThat(inbox.markAllRead()).isEqualTo(2);
            assertThat(inbox.unreadCount()).isZero();
            assertThat(inbox.list(0).getContent()).hasSize(3).noneMatch(InboxItem::unread);
            assertThat(inbox.markAllRead()).isZero();
        });
    }

    @Test
    void aNotificationSentOnceIsNotSentAgainForTheSameKey() {
        Member m = member();
        String key = "test:" + m.personId() + ":once";
        assertThat(inbox.notifyPersonOnce(m.personId(), key, "TEST", "活动通知", "正文", "/events/1")).isTrue();
        assertThat(inbox.notifyPersonOnce(m.personId(), key, "TEST", "活动通知", "正文", "/events/1")).isFalse();
        assertThat(inbox.notifyPersonOnce(m.personId(), key + "-2", "TEST", "另一条", null, null)).isTrue();
        assertThat(accounts.runAs(m.username(), () -> inbox.unreadCount())).isEqualTo(2);
        assertThat(accounts.runAs(m.username(), () -> inbox.list(0).getContent()))
                .extracting(InboxItem::title, InboxItem::link)
                .containsExactly(tuple("另一条", null),
                        tuple("活动通知", "/events/1"));
        assertThatThrownBy(() -> inbox.notifyPersonOnce(m.personId(), key + "-3", "TEST", "x", null, "https://evil.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linksMustStayInsideTheApplication() {
        Member me = member();
        for (String bad : new String[] {"https://evil.example/", "//evil.example", "/\\evil", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> inbox.notifyPerson(me.personId(), "TEST", "t", null, bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theInboxPageShowsUnreadItemsOpensThemAndMarksAllRead() throws Exception {
        Member me = member();
        Member other = member();
        long id = inbox.notifyPerson(me.personId(), "TEST", "主题党日活动", "请按时参加", "/org/calendar");
        inbox.notifyPerson(me.personId(), "TEST", "第二条", null, null);
        long othersId = inbox.notifyPerson(other.personId(), "TEST", "别人的", null, null);

        String html = mvc.perform(get("/me/inbox").with(accounts.as(me.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("消息通知", "主题党日活动", "请按时参加", "2 条未读", "全部已读", "fw-bold")
                .doesNotContain("别人的");

        String badge = mvc.perform(get("/me/inbox/badge").with(accounts.as(me.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(badge).contains("id=\"inbox-badge\"", ">2<", "2 条未读").doesNotContain("<html");

        mvc.perform(post("/me/inbox/" + id + "/open").with(csrf()).with(accounts.as(me.username())))
                .andExpect(redirectedUrl("/org/calendar"));
        mvc.perform(post("/me/inbox/" + othersId + "/open").with(csrf()).with(accounts.as(me.username())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/me/inbox/" + othersId + "/read").with(csrf()).with(accounts.as(me.username())))
                .andExpect(status().isNotFound());
        accounts.runAs(me.username(), () -> assertThat(inbox.unreadCount()).isEqualTo(1));

        mvc.perform(post("/me/inbox/read-all").with(csrf()).with(accounts.as(me.username())))
                .andExpect(redirectedUrl("/me/inbox"));
        accounts.runAs(me.username(), () -> assertThat(inbox.unreadCount()).isZero());
        accounts.runAs(other.username(), () -> assertThat(inbox.unreadCount()).isEqualTo(1));

        String empty = mvc.perform(get("/me/inbox/badge").with(accounts.as(me.username())))
                .andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("id=\"inbox-badge\"").doesNotContain("条未读");

        String english = mvc.perform(get("/me/inbox").param("lang", "en").with(accounts.as(me.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Notifications", "Mark all as read");
    }

    @Test
    void theInboxNeedsASignedInUser() throws Exception {
        mvc.perform(get("/me/inbox")).andExpect(status().is3xxRedirection());
    }
}
