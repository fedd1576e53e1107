package cn.hongxin.events;

import java.time.LocalDateTime;
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
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Walk-ins: an event open to everybody (a lecture or health talk by default, or as its form says) signs in a person
 * who was not invited, adding a roll-call line marked as a walk-in; once, however often or concurrently confirmed.
 * A closed event keeps refusing non-invitees.
 */
@IntegrationTest
class QrSignInWalkInTests {

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
    JdbcClient jdbc;

    EventFixtures fixtures;
    EventFixtures.Branches b;
    String teacherAccount;

    @BeforeEach
    void branches() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        b = fixtures.branches();
        // The teacher belongs to the teachers' branch: the students' branch events do not invite them.
        teacherAccount = fixtures.memberAccount(b.teacher());
    }

    @Test
    void lecturesAndHealthTalksAreOpenByDefaultMeetingsAreNot() {
        assertThat(walkInsOpen(underWay("PARTY_LECTURE", null))).isTrue();
        assertThat(walkInsOpen(underWay("WEDNESDAY_LECTURE", null))).isTrue();
        assertThat(walkInsOpen(underWay("HEALTH_TALK", null))).isTrue();
        assertThat(walkInsOpen(underWay("REGULAR_PARTY_MEETING", null))).isFalse();
        assertThat(walkInsOpen(underWay("BRANCH_COMMITTEE_MEETING", null))).isFalse();
        // The form decides when it says so, and the edit form shows the stored choice.
        long closedLecture = underWay("PARTY_LECTURE", false);
        assertThat(walkInsOpen(closedLecture)).isFalse();
        assertThat(accounts.runAs(b.studentsSecretary(), () -> events.formFor(closedLecture)).walkInsOpen()).isFalse();
        long openMeeting = underWay("THEMED_PARTY_DAY", true);
        assertThat(walkInsOpen(openMeeting)).isTrue();
        assertThat(accounts.runAs(b.studentsSecretary(), () -> events.formFor(openMeeting)).walkInsOpen()).isTrue();
    }

    @Test
    void aNonInviteeWalksInToAnOpenLectureOnceAndIsMarkedAsWalkIn() {
        long id = underWay("PARTY_LECTURE", null);
        String token = accounts.runAs(b.studentsSecretary(), () -> qr.issue(id)).token();
        QrSignInService.Preview preview = accounts.runAs(teacherAccount, () -> qr.preview(token));
        assertThat(preview.walkIn()).isTrue();
        assertThat(preview.signedIn()).isFalse();
        assertThat(participantRows(id, b.teacher())).as("a preview records nothing").isZero();
        // An invitee is no walk-in.
        assertThat(accounts.runAs(b.aliceAccount(), () -> qr.preview(token)).walkIn()).isFalse();

        QrSignInService.Confirmed first = accounts.runAs(teacherAccount, () -> qr.confirm(token, id));
        assertThat(first.attendance().newlyRecorded()).isTrue();
        assertThat(first.attendance().status()).isEqualTo(AttendanceStatus.PRESENT);
        QrSignInService.Confirmed again = accounts.runAs(teacherAccount, () -> qr.confirm(token, id));
        assertThat(again.attendance().newlyRecorded()).isFalse();
        assertThat(attendanceRows(id, b.teacher())).isEqualTo(1);
        assertThat(participantRows(id, b.teacher())).isEqualTo(1);
        QrSignInService.Preview after = accounts.runAs(teacherAccount, () -> qr.preview(token));
        assertThat(after.signedIn()).isTrue();
        assertThat(after.walkIn()).isFalse();

        List<RollCallLine> rollCall = accounts.runAs(b.studentsSecretary(), () -> events.rollCall(id));
        RollCallLine teacher = rollCall.stream().filter(l -> l.personId() == b.teacher()).findFirst().orElseThrow();
        assertThat(teacher.walkIn()).isTrue();
        assertThat(teacher.personName()).isEqualTo("赵老师");
        assertThat(teacher.attendance().source()).isEqualTo(AttendanceSource.QR);
        assertThat(rollCall.stream().filter(l -> l.personId() == b.alice()).findFirst().orElseThrow().walkIn()).isFalse();
        // The walk-in now sees the event among their own, and re-saving the invitation keeps their line.
        assertThat(accounts.runAs(teacherAccount, () -> events.get(id)).title()).isEqualTo("测试活动PARTY_LECTURE");
        accounts.runAs(b.studentsSecretary(), () -> events.update(id, events.formFor(id)));
        assertThat(participantRows(id, b.teacher())).isEqualTo(1);
        assertThat(attendanceRows(id, b.teacher())).isEqualTo(1);
    }

    @Test
    void twentyConcurrentWalkInConfirmationsRecordOneLineAndOneAttendance() throws Exception {
        long id = underWay("HEALTH_TALK", null);
        String token = accounts.runAs(b.studentsSecretary(), () -> qr.issue(id)).token();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<QrSignInService.Confirmed>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<QrSignInService.Confirmed> confirm = () -> {
                    go.await();
                    return accounts.runAs(teacherAccount, () -> qr.confirm(token, id));
                };
                answers.add(pool.submit(confirm));
            }
            go.countDown();
            long newly = 0;
            for (Future<QrSignInService.Confirmed> f : answers) {
                QrSignInService.Confirmed c = f.get(60, TimeUnit.SECONDS);
                assertThat(c.attendance().personId()).isEqualTo(b.teacher());
                newly += c.attendance().newlyRecorded() ? 1 : 0;
            }
            assertThat(newly).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(attendanceRows(id, b.teacher())).isEqualTo(1);
        assertThat(participantRows(id, b.teacher())).isEqualTo(1);
        assertThat(jdbc.sql("select walk_in from event_participant where event_id = ? and person_id = ?")
                .params(id, b.teacher()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void closedEventsKeepRefusingNonInviteesAndRecordNothing() {
        long meeting = underWay("REGULAR_PARTY_MEETING", null);
        long closedLecture = underWay("PARTY_LECTURE", false);
        for (long id : List.of(meeting, closedLecture)) {
            String token = accounts.runAs(b.studentsSecretary(), () -> qr.issue(id)).token();
            assertThatThrownBy(() -> accounts.runAs(teacherAccount, () -> qr.preview(token)))
                    .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.notInvited");
            assertThatThrownBy(() -> accounts.runAs(teacherAccount, () -> qr.confirm(token, id)))
                    .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.qr.notInvited");
            assertThat(attendanceRows(id, b.teacher())).isZero();
            assertThat(participantRows(id, b.teacher())).isZero();
        }
        // An open event that is over takes nobody, walk-in or not.
        long lecture = underWay("PARTY_LECTURE", null);
        String token = accounts.runAs(b.studentsSecretary(), () -> qr.issue(lecture)).token();
        accounts.runAs(b.studentsSecretary(), () -> events.close(lecture));
        assertThatThrownBy(() -> accounts.runAs(teacherAccount, () -> qr.confirm(token, lecture)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.signIn.closed");
        assertThat(participantRows(lecture, b.teacher())).isZero();
        // Walk-ins sign themselves in only: an account without a person gets the usual refusal.
        long open = underWay("HEALTH_TALK", null);
        String openToken = accounts.runAs(b.studentsSecretary(), () -> qr.issue(open)).token();
        assertThatThrownBy(() -> accounts.runAs(b.teachersSecretary(), () -> qr.confirm(openToken, open)))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("event.signIn.noPerson");
    }

    private long underWay(String typeCode, Boolean walkIns) {
        EventForm f = fixtures.form(b, typeCode, LocalDateTime.now(EventService.ZONE));
        EventForm form = new EventForm(f.typeId(), f.organiserUnitId(), f.title(), f.hostPersonId(), f.speakerPersonId(),
                f.speakers(), f.startsAt(), f.endsAt(), f.place(), f.agenda(), f.tags(), f.inviteUnitIds(),
                f.inviteStatuses(), f.invitePosts(), f.invitePersonIds(), walkIns);
        long id = accounts.runAs(b.studentsSecretary(), () -> events.schedule(form));
        accounts.runAs(b.studentsSecretary(), () -> events.start(id));
        return id;
    }

    private boolean walkInsOpen(long id) {
        return accounts.runAs(b.studentsSecretary(), () -> events.get(id)).walkInsOpen();
    }

    private long attendanceRows(long eventId, long personId) {
        return jdbc.sql("select count(*) from attendance where event_id = ? and person_id = ?").params(eventId, personId)
                .query(Long.class).single();
    }

    private long participantRows(long eventId, long personId) {
        return jdbc.sql("select count(*) from event_participant where event_id = ? and person_id = ?")
                .params(eventId, personId).query(Long.class).single();
    }
}
