package cn.hongxin.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The login grace of ADR 0006: a token that was valid when a phone, not yet signed in, opened the scan URL still
 * signs it in after a slow login, up to issue time + validity + grace; beyond that, or without the login detour,
 * or forged, it is refused and records nothing.
 */
@IntegrationTest
class QrSignInGraceTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    QrSignInService qr;
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
    void underWay() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        b = fixtures.branches();
        id = fixtures.schedule(b, "REGULAR_PARTY_MEETING");
        accounts.runAs(b.studentsSecretary(), () -> events.start(id));
    }

    @Test
    void aTokenThatExpiresDuringTheLoginStillSignsInAfterIt() throws Exception {
        long validity = tokens.validity().toSeconds();
        // Valid for two more seconds when the phone, not signed in, opens the scan URL.
        Instant issuedAt = Instant.now().minusSeconds(validity - 2);
        String token = tokens.issue(id, issuedAt);
        MockHttpSession phone = new MockHttpSession();
        MvcResult toLogin = mvc.perform(get("/signin?t=" + token).session(phone))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(toLogin.getResponse().getRedirectedUrl()).endsWith("/login");
        // A slow login: the token is past its validity when the member is back.
        while (!Instant.now().isAfter(issuedAt.plusSeconds(validity + 1))) {
            Thread.sleep(200);
        }
        MvcResult login = mvc.perform(post("/login").param("username", b.aliceAccount())
                        .param("password", TestAccounts.PASSWORD).session(phone).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        MockHttpSession signedIn = (MockHttpSession) login.getRequest().getSession();
        String back = login.getResponse().getRedirectedUrl().replace("http://localhost", "");
        assertThat(back).contains("/signin?t=");
        assertThatThrownBy(() -> tokens.verify(token, id)).as("expired without the grace")
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.token.expired");

        String scan = body(mvc.perform(get(back).session(signedIn)).andExpect(status().isOk()).andReturn());
        assertThat(scan).contains("id=\"signin-confirm\"").doesNotContain("已过期");
        String done = body(mvc.perform(post("/signin").param("t", token).param("eventId", String.valueOf(id))
                .session(signedIn).with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(done).contains("id=\"signin-done\"").contains("签到成功");
        assertThat(rows(b.alice())).isEqualTo(1);

        // Another phone that was already signed in when it scanned gets no grace for the same token.
        String direct = body(mvc.perform(post("/signin").param("t", token).param("eventId", String.valueOf(id))
                .with(accounts.as(b.bobAccount())).with(csrf())).andExpect(status().isBadRequest()).andReturn());
        assertThat(direct).contains("签到二维码已过期");
        assertThat(rows(b.bob())).isZero();
    }

    @Test
    void noGraceBeyondItForTokensSeenExpiredOrForOtherTokensAndNeverForForgedOnes() throws Exception {
        long validity = tokens.validity().toSeconds();
        long grace = tokens.loginGrace().toSeconds();
        // Noted before the login, but the grace is over too.
        String tooOld = tokens.issue(id, Instant.now().minusSeconds(validity + grace + 5));
        MockHttpSession phone = sessionThatNoted(tooOld);
        assertThat(body(confirm(phone, tooOld).andExpect(status().isBadRequest()).andReturn())).contains("签到二维码已过期");
        // Within the grace, a token the session did not note (it was scanned after it expired) is refused.
        String lateScan = tokens.issue(id, Instant.now().minusSeconds(validity + 10));
        MockHttpSession late = new MockHttpSession();
        mvc.perform(get("/signin?t=" + lateScan).session(late)).andExpect(status().is3xxRedirection());
        assertThat(late.getAttribute(QrSignInGraceFilter.ATTRIBUTE)).isNull();
        assertThat(body(confirm(signIn(late), lateScan).andExpect(status().isBadRequest()).andReturn()))
                .contains("签到二维码已过期");
        // A forged token is never noted, and a noted forgery is refused all the same.
        String valid = tokens.issue(id);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        MockHttpSession forger = new MockHttpSession();
        mvc.perform(get("/signin?t=" + forged).session(forger)).andExpect(status().is3xxRedirection());
        assertThat(forger.getAttribute(QrSignInGraceFilter.ATTRIBUTE)).isNull();
        assertThat(body(confirm(sessionThatNoted(forged), forged).andExpect(status().isBadRequest()).andReturn()))
                .contains("签到二维码无效");
        assertThat(rows(b.alice())).isZero();
    }

    @Test
    void theServiceHonoursTheGraceOnlyWhenAskedAndOnlyUpToItsEnd() {
        long validity = tokens.validity().toSeconds();
        long grace = tokens.loginGrace().toSeconds();
        String withinGrace = tokens.issue(id, Instant.now().minusSeconds(validity + grace - 30));
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> qr.confirm(withinGrace, id, false)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.token.expired");
        assertThat(rows(b.alice())).isZero();
        assertThat(accounts.runAs(b.aliceAccount(), () -> qr.preview(withinGrace, true)).signedIn()).isFalse();
        assertThat(accounts.runAs(b.aliceAccount(), () -> qr.confirm(withinGrace, id, true)).attendance().newlyRecorded())
                .isTrue();
        assertThat(accounts.runAs(b.aliceAccount(), () -> qr.confirm(withinGrace, id, true)).attendance().newlyRecorded())
                .as("a retry within the grace answers the same attendance").isFalse();
        assertThat(rows(b.alice())).isEqualTo(1);

        String beyond = tokens.issue(id, Instant.now().minusSeconds(validity + grace + 2));
        assertThatThrownBy(() -> accounts.runAs(b.bobAccount(), () -> qr.confirm(beyond, id, true)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.token.expired");
        String valid = tokens.issue(id);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        assertThatThrownBy(() -> accounts.runAs(b.bobAccount(), () -> qr.confirm(forged, id, true)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.token.invalid");
        assertThat(rows(b.bob())).isZero();
    }

    /** A phone session that noted {@code token} before its login (as the filter does for a then-valid token). */
    private MockHttpSession sessionThatNoted(String token) throws Exception {
        MockHttpSession phone = new MockHttpSession();
        phone.setAttribute(QrSignInGraceFilter.ATTRIBUTE, new ArrayList<>(List.of(token)));
        return signIn(phone);
    }

    private MockHttpSession signIn(MockHttpSession phone) throws Exception {
        MvcResult login = mvc.perform(post("/login").param("username", b.aliceAccount())
                        .param("password", TestAccounts.PASSWORD).session(phone).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) login.getRequest().getSession();
    }

    private org.springframework.test.web.servlet.ResultActions confirm(MockHttpSession session, String token)
            throws Exception {
        return mvc.perform(post("/signin").param("t", token).param("eventId", String.valueOf(id)).session(session)
                .with(csrf()));
    }

    private long rows(long personId) {
        return jdbc.sql("select count(*) from attendance where event_id = ? and person_id = ?").params(id, personId)
                .query(Long.class).single();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
