package cn.hongxin.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 投屏签到 through the pages: the projector, the phone's scan page and its confirmation. */
@IntegrationTest
class QrSignInPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    PersonService people;
    @Autowired
    SignInTokens tokens;
    @Autowired
    JdbcClient jdbc;

    EventFixtures fixtures;
    EventFixtures.Branches b;
    long id;

    @BeforeEach
    void planned() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        b = fixtures.branches();
        id = fixtures.schedule(b, "REGULAR_PARTY_MEETING");
    }

    @Test
    void projectorOffersToStartThenShowsTheCodeAndTheCount() throws Exception {
        String sec = b.studentsSecretary();
        assertThat(page(sec, "/events/" + id)).contains("id=\"event-projector\"");
        assertThat(page(sec, "/events/" + id + "/projector")).contains("id=\"projector-start\"").doesNotContain("<svg");
        mvc.perform(post("/events/" + id + "/projector/start").with(accounts.as(sec)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String projector = page(sec, "/events/" + id + "/projector");
        assertThat(projector).contains("<svg").contains("data-token=\"" + id + ".").contains("hx-trigger=\"every 20s\"")
                .contains("已签到").contains("应到");
        String token = token(projector);
        tokens.verify(token, id);
        assertThat(page(sec, "/events/" + id + "/projector/code")).contains("<svg").contains("id=\"projector-code\"");
        assertThat(page(sec, "/events/" + id + "/projector/token")).contains("\"token\":\"" + id + ".")
                .contains("/signin?t=");

        confirm(b.aliceAccount(), token).andExpect(status().isOk());
        String count = page(sec, "/events/" + id + "/projector/count");
        assertThat(count).contains("data-attended=\"1\"").contains("李红");

        // Another branch's secretary and a member get nothing.
        mvc.perform(get("/events/" + id + "/projector").with(accounts.as(b.teachersSecretary())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/events/" + id + "/projector/token").with(accounts.as(b.teachersSecretary())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/events/" + id + "/projector").with(accounts.as(b.aliceAccount())))
                .andExpect(status().isForbidden());
    }

    @Test
    void aScanBeforeLoginComesBackToTheScanPageAfterLogin() throws Exception {
        start();
        String token = tokens.issue(id);
        MockHttpSession session = new MockHttpSession();
        MvcResult anonymous = mvc.perform(get("/signin?t=" + token).session(session))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
        MvcResult login = mvc.perform(post("/login").param("username", b.aliceAccount())
                        .param("password", TestAccounts.PASSWORD).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String back = login.getResponse().getRedirectedUrl();
        assertThat(back).contains("/signin?t=" + token);
        MockHttpSession signedIn = (MockHttpSession) login.getRequest().getSession();
        String scan = mvc.perform(get(back.replace("http://localhost", "")).session(signedIn))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(scan).contains("测试活动REGULAR_PARTY_MEETING").contains("第一会议室").contains("id=\"signin-confirm\"")
                .contains("确认签到").contains("name=\"_csrf\"");
    }

    @Test
    void theSamePostTwiceAndTwentyAtOnceRecordOneAttendance() throws Exception {
        start();
        String token = tokens.issue(id);
        String scan = page(b.aliceAccount(), "/signin?t=" + token);
        assertThat(scan).contains("id=\"signin-confirm\"");
        assertThat(body(confirm(b.aliceAccount(), token).andExpect(status().isOk()).andReturn())).contains("签到成功");
        assertThat(body(confirm(b.aliceAccount(), token).andExpect(status().isOk()).andReturn())).contains("您已签到");
        assertThat(rows(b.alice())).isEqualTo(1);

        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return confirm(b.bobAccount(), token).andReturn().getResponse().getStatus();
                }));
            }
            go.countDown();
            for (Future<Integer> f : answers) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(b.bob())).isEqualTo(1);
    }

    @Test
    void expiredForgedAndOtherEventsTokensAreRefusedClearly() throws Exception {
        start();
        String expired = tokens.issue(id, Instant.now().minusSeconds(120));
        assertThat(body(mvc.perform(get("/signin").param("t", expired).with(accounts.as(b.aliceAccount())))
                .andExpect(status().isBadRequest()).andReturn())).contains("签到二维码已过期").doesNotContain("signin-confirm");
        assertThat(body(confirm(b.aliceAccount(), expired).andExpect(status().isBadRequest()).andReturn()))
                .contains("签到二维码已过期");
        String valid = tokens.issue(id);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        assertThat(body(confirm(b.aliceAccount(), forged).andExpect(status().isBadRequest()).andReturn()))
                .contains("签到二维码无效");
        long other = fixtures.schedule(b, "BRANCH_COMMITTEE_MEETING");
        accounts.runAs(b.studentsSecretary(), () -> events.start(other));
        String otherToken = tokens.issue(other);
        assertThat(body(mvc.perform(post("/signin").param("t", otherToken).param("eventId", String.valueOf(id))
                        .with(accounts.as(b.aliceAccount())).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn())).contains("不属于本次活动");
        // Non-invitees and accounts without a person are told why.
        String teacher = fixtures.memberAccount(b.teacher());
        assertThat(body(confirm(teacher, valid).andExpect(status().isForbidden()).andReturn())).contains("不在本次活动的参加人员中");
        assertThat(body(confirm(b.studentsSecretary(), valid).andExpect(status().isForbidden()).andReturn()))
                .contains("尚未关联人员信息");
        assertThat(rows(b.alice()) + rows(b.teacher())).isZero();
        // English.
        assertThat(body(mvc.perform(get("/signin").param("t", expired).param("lang", "en")
                .with(accounts.as(b.aliceAccount()))).andReturn())).contains("has expired");
    }

    @Test
    void everyPhoneGetsTheSamePageWithItsOwnTokenAndCsrfValue() throws Exception {
        start();
        String first = tokens.issue(id);
        String second = tokens.issue(id, Instant.now().minusSeconds(5));
        assertThat(second).isNotEqualTo(first);
        MvcResult alice = mvc.perform(get("/signin").param("t", first).with(accounts.as(b.aliceAccount())))
                .andExpect(status().isOk()).andReturn();
        MvcResult bob = mvc.perform(get("/signin").param("t", second).with(accounts.as(b.bobAccount())))
                .andExpect(status().isOk()).andReturn();
        String alicePage = body(alice);
        String bobPage = body(bob);
        assertThat(alicePage).contains(first).doesNotContain(second).doesNotContain("hxQrSignIn");
        assertThat(bobPage).contains(second).doesNotContain(first).doesNotContain("hxQrSignIn");
        String aliceCsrf = csrfValue(alicePage);
        String bobCsrf = csrfValue(bobPage);
        assertThat(aliceCsrf).isNotBlank().isNotEqualTo(bobCsrf);
        // Apart from the token and the CSRF value, the two phones see the same page (one cached copy, filled twice).
        assertThat(alicePage.replace(first, "T").replace(aliceCsrf, "C"))
                .isEqualTo(bobPage.replace(second, "T").replace(bobCsrf, "C"));
        assertThat(alice.getResponse().getContentLength()).isEqualTo(alicePage.getBytes(StandardCharsets.UTF_8).length);
        // The answers too, each with the event's own text.
        String aliceDone = body(confirm(b.aliceAccount(), first).andExpect(status().isOk()).andReturn());
        String bobDone = body(confirm(b.bobAccount(), second).andExpect(status().isOk()).andReturn());
        assertThat(aliceDone).contains("签到成功").contains(first).doesNotContain("hxQrSignIn");
        assertThat(bobDone).contains("签到成功").contains(second).doesNotContain("hxQrSignIn");
        assertThat(rows(b.alice()) + rows(b.bob())).isEqualTo(2);
    }

    private static String csrfValue(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void start() {
        accounts.runAs(b.studentsSecretary(), () -> events.start(id));
    }

    private org.springframework.test.web.servlet.ResultActions confirm(String user, String token) throws Exception {
        return mvc.perform(post("/signin").param("t", token).param("eventId", String.valueOf(id))
                .with(accounts.as(user)).with(csrf()));
    }

    private long rows(long personId) {
        return jdbc.sql("select count(*) from attendance where event_id = ? and person_id = ?").params(id, personId)
                .query(Long.class).single();
    }

    private static String token(String html) {
        Matcher m = Pattern.compile("data-token=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String user, String url) throws Exception {
        return body(mvc.perform(get(url).with(accounts.as(user))).andExpect(status().isOk()).andReturn());
    }
}
