package cn.hongxin.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 扫码签到 at the service: signed, short-lived tokens; one attendance however often or concurrently confirmed. */
@IntegrationTest
class QrSignInServiceTests {

    @Autowired
    QrSignInService qr;
    @Autowired
    SignInTokens tokens;
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
    void aValidTokenSignsTheScannerInOnceAndARetryAnswersTheSame() {
        String token = accounts.runAs(b.studentsSecretary(), () -> qr.issue(id)).token();
        QrSignInService.Preview preview = accounts.runAs(b.aliceAccount(), () -> qr.preview(token));
        assertThat(preview.title()).isEqualTo("测试活动REGULAR_PARTY_MEETING");
        assertThat(preview.place()).isEqualTo("第一会议室");
        assertThat(preview.signedIn()).isFalse();

        QrSignInService.Confirmed first = accounts.runAs(b.aliceAccount(), () -> qr.confirm(token, id));
        assertThat(first.attendance().newlyRecorded()).isTrue();
        assertThat(first.attendance().source()).isEqualTo(AttendanceSource.QR);
        assertThat(first.attendance().status()).isEqualTo(AttendanceStatus.PRESENT);
        QrSignInService.Confirmed again = accounts.runAs(b.aliceAccount(), () -> qr.confirm(token, id));
        assertThat(again.attendance().newlyRecorded()).isFalse();
        assertThat(rows(id)).isEqualTo(1);
        assertThat(accounts.runAs(b.aliceAccount(), () -> qr.preview(token)).signedIn()).isTrue();

        QrSignInService.Count count = accounts.runAs(b.studentsSecretary(), () -> qr.count(id));
        assertThat(count.attended()).isEqualTo(1);
        assertThat(count.invited()).isEqualTo(2);
        assertThat(count.latest()).containsExactly("李红");
    }

    @Test
    void twentyConcurrentConfirmationsRecordOneAttendance() throws Exception {
        String token = accounts.runAs(b.studentsSecretary(), () -> qr.issue(id)).token();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<QrSignInService.Confirmed>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<QrSignInService.Confirmed> confirm = () -> {
                    go.await();
                    return accounts.runAs(b.aliceAccount(), () -> qr.confirm(token, id));
                };
                answers.add(pool.submit(confirm));
            }
            go.countDown();
            long newly = 0;
            for (Future<QrSignInService.Confirmed> f : answers) {
                QrSignInService.Confirmed c = f.get(60, TimeUnit.SECONDS);
                assertThat(c.attendance().personId()).isEqualTo(b.alice());
                newly += c.attendance().newlyRecorded() ? 1 : 0;
            }
            assertThat(newly).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void expiredForgedAndOtherEventsTokensAreRefusedAndRecordNothing() {
        String expired = tokens.issue(id, Instant.now().minusSeconds(tokens.validity().toSeconds() + 5));
        refused(expired, id, "event.qr.token.expired");
        String fromTheFuture = tokens.issue(id, Instant.now().plusSeconds(600));
        refused(fromTheFuture, id, "event.qr.token.expired");

        String valid = accounts.runAs(b.studentsSecretary(), () -> qr.issue(id)).token();
        String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        refused(forged, id, "event.qr.token.invalid");
        String[] parts = valid.split("\\.");
        long other = fixtures.schedule(b, "BRANCH_COMMITTEE_MEETING");
        accounts.runAs(b.studentsSecretary(), () -> events.start(other));
        refused(other + "." + parts[1] + "." + parts[2] + "." + parts[3], other, "event.qr.token.invalid");
        refused("garbage", id, "event.qr.token.invalid");
        refused(null, id, "event.qr.token.invalid");

        String otherToken = accounts.runAs(b.studentsSecretary(), () -> qr.issue(other)).token();
        refused(otherToken, id, "event.qr.token.otherEvent");
        assertThat(rows(id)).isZero();
        assertThat(rows(other)).isZero();
    }

    @Test
    void nonInviteesAccountsWithoutPersonAndClosedEventsAreRefused() {
        String token = accounts.runAs(b.studentsSecretary(), () -> qr.issue(id)).token();
        String teacherAccount = fixtures.memberAccount(b.teacher());
        assertThatThrownBy(() -> accounts.runAs(teacherAccount, () -> qr.preview(token)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.notInvited");
        assertThatThrownBy(() -> accounts.runAs(teacherAccount, () -> qr.confirm(token, id)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.notInvited");
        assertThatThrownBy(() -> accounts.runAs(b.teachersSecretary(), () -> qr.confirm(token, id)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.signIn.noPerson");
        long outsider = fixtures.person(b.dept(), "钱多", PoliticalStatus.MASSES, false);
        assertThat(outsider).isPositive();

        // Only an organiser in scope gets tokens, and only while the event is under way.
        assertThatThrownBy(() -> accounts.runAs(b.teachersSecretary(), () -> qr.issue(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> qr.issue(id)))
                .isInstanceOf(RuntimeException.class);
        accounts.runAs(b.studentsSecretary(), () -> events.close(id));
        assertThatThrownBy(() -> accounts.runAs(b.studentsSecretary(), () -> qr.issue(id)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.notUnderWay");
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> qr.confirm(token, id)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.signIn.closed");
        assertThat(rows(id)).isZero();
    }

    private void refused(String token, long eventId, String key) {
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> qr.confirm(token, eventId)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith(key);
        if (token != null && !token.startsWith(eventId + ".")) {
            return;
        }
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> qr.preview(token)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith(key);
    }

    long rows(long eventId) {
        return jdbc.sql("select count(*) from attendance where event_id = ?").params(eventId).query(Long.class).single();
    }
}
