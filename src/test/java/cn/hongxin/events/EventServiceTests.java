package cn.hongxin.events;

import java.math.BigDecimal;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
@RecordApplicationEvents
class EventServiceTests {

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
    @Autowired
    ApplicationEvents published;

    EventFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
    }

    @Test
    void scheduledEventInvitesTheOrganisersBranchAndMembersSeeIt() {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");

        EventView view = accounts.runAs(b.studentsSecretary(), () -> events.get(id));
        assertThat(view.state()).isEqualTo(EventState.PLANNED);
        assertThat(view.organiserUnitName()).isEqualTo(b.dept().studentsBranch().name());
        assertThat(view.hostName()).isEqualTo("李红");
        assertThat(view.invitedCount()).isEqualTo(2);
        assertThat(accounts.runAs(b.studentsSecretary(), () -> events.rollCall(id)))
                .extracting(RollCallLine::personId).containsExactlyInAnyOrder(b.alice(), b.bob());

        MyEvents mine = accounts.runAs(b.aliceAccount(), () -> events.mine());
        assertThat(mine.upcoming()).extracting(l -> l.event().id()).contains(id);
        assertThat(accounts.runAs(b.aliceAccount(), () -> events.rollCall(id)))
                .extracting(RollCallLine::personId).containsExactly(b.alice());
    }

    @Test
    void invitationsFollowStatusAndNamedPeople() {
        EventFixtures.Branches b = fixtures.branches();
        EventForm base = fixtures.form(b, "BRANCH_COMMITTEE_MEETING", LocalDateTime.now(EventService.ZONE));
        EventForm membersOnly = new EventForm(base.typeId(), base.organiserUnitId(), base.title(), null, null, null,
                base.startsAt(), null, null, null, null, List.of(b.dept().studentsBranch().id()),
                List.of(PoliticalStatus.FULL_MEMBER), List.of(), List.of());
        long id = accounts.runAs(b.studentsSecretary(), () -> events.schedule(membersOnly));
        assertThat(accounts.runAs(b.studentsSecretary(), () -> events.rollCall(id)))
                .extracting(RollCallLine::personId).containsExactly(b.alice());

        EventForm named = new EventForm(base.typeId(), base.organiserUnitId(), base.title(), null, null, null,
                base.startsAt(), null, null, null, null, List.of(), List.of(), List.of(), List.of(b.bob()));
        accounts.runAs(b.studentsSecretary(), () -> events.update(id, named));
        assertThat(accounts.runAs(b.studentsSecretary(), () -> events.rollCall(id)))
                .extracting(RollCallLine::personId).containsExactly(b.bob());
        assertThat(accounts.runAs(b.studentsSecretary(), () -> events.invitees(id)))
                .extracting(InviteeRuleView::kind).containsExactly(InviteeRuleKind.PERSON);
    }

    @Test
    void stateMachineRefusesWhatDoesNotFollow() {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "THEMED_PARTY_DAY");
        String sec = b.studentsSecretary();

        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.close(id)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("event.close.refused");
        accounts.runAs(sec, () -> events.start(id));
        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.start(id)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("event.start.refused");
        assertThat(accounts.runAs(sec, () -> events.close(id)).state()).isEqualTo(EventState.DONE);
        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.cancel(id)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("event.cancel.refused");
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> events.signIn(id, b.alice(), AttendanceSource.QR)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("event.signIn.closed");

        long other = fixtures.schedule(b, "THEMED_PARTY_DAY");
        accounts.runAs(sec, () -> events.cancel(other));
        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.update(other,
                fixtures.form(b, "THEMED_PARTY_DAY", LocalDateTime.now(EventService.ZONE)))))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("event.refused.cancelled");
        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.record(other, b.alice(), AttendanceStatus.PRESENT, null)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("event.refused.cancelled");
    }

    @Test
    void aBranchSecretaryCannotSeeOrChangeAnotherBranchsEvent() {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        String other = b.teachersSecretary();

        assertThatThrownBy(() -> accounts.runAs(other, () -> events.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(other, () -> events.start(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(other, () -> events.record(id, b.alice(), AttendanceStatus.PRESENT, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(accounts.runAs(other, () -> events.search(EventQuery.all(), 0, 200)).getContent())
                .extracting(EventView::id).doesNotContain(id);
        assertThat(accounts.runAs(b.studentsSecretary(), () -> events.search(EventQuery.all(), 0, 200)).getContent())
                .extracting(EventView::id).contains(id);
        // Nor may it organise an event for a unit outside its scope.
        assertThatThrownBy(() -> accounts.runAs(other, () -> events.schedule(fixtures.form(b, "BRANCH_COMMITTEE_MEETING",
                LocalDateTime.now(EventService.ZONE))))).isInstanceOf(InvalidInputException.class);
        // A member who is not invited does not see it; a member without event:edit cannot change it.
        String stranger = fixtures.memberAccount(b.teacher());
        assertThatThrownBy(() -> accounts.runAs(stranger, () -> events.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> events.start(id)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rollCallRecordsCorrectsAndRetracts() {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        String sec = b.studentsSecretary();
        accounts.runAs(sec, () -> events.start(id));

        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.record(id, b.bob(), AttendanceStatus.EXCUSED, " ")))
                .isInstanceOf(InvalidInputException.class);
        accounts.runAs(sec, () -> events.record(id, b.bob(), AttendanceStatus.EXCUSED, "临床实习"));
        accounts.runAs(sec, () -> events.record(id, b.alice(), AttendanceStatus.PRESENT, null));
        published.clear();
        AttendanceView corrected = accounts.runAs(sec, () -> events.record(id, b.alice(), AttendanceStatus.ABSENT, null));
        assertThat(corrected.status()).isEqualTo(AttendanceStatus.ABSENT);
        assertThat(published.stream(AttendanceRetracted.class))
                .containsExactly(new AttendanceRetracted(id, "BRANCH_GENERAL_MEETING", b.alice(),
                        LocalDateTime.now(EventService.ZONE).toLocalDate(), AttendanceStatus.ABSENT));

        // A later sign-in turns the absence into attendance.
        AttendanceView signed = accounts.runAs(b.aliceAccount(), () -> events.signIn(id, b.alice(), AttendanceSource.QR));
        assertThat(signed.status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(accounts.runAs(sec, () -> events.rollCall(id)))
                .extracting(l -> l.attendance().status())
                .containsExactlyInAnyOrder(AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED);
        long notInvited = fixtures.person(b.dept(), "孙悟", PoliticalStatus.MASSES, true);
        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.record(id, notInvited, AttendanceStatus.PRESENT, null)))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void twentyRacedSignInsRecordOneAttendanceAndAllAnswerSignedIn() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "WEDNESDAY_LECTURE");
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<AttendanceView>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<AttendanceView> signIn = () -> {
                    go.await();
                    return accounts.runAs(b.aliceAccount(), () -> events.signIn(id, b.alice(), AttendanceSource.QR));
                };
                answers.add(pool.submit(signIn));
            }
            go.countDown();
            List<AttendanceView> views = new ArrayList<>();
            for (Future<AttendanceView> f : answers) {
                views.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(views).allSatisfy(v -> {
                assertThat(v.status()).isEqualTo(AttendanceStatus.PRESENT);
                assertThat(v.personId()).isEqualTo(b.alice());
            });
            assertThat(views.stream().filter(AttendanceView::newlyRecorded).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from attendance where event_id = ? and person_id = ?")
                .params(id, b.alice()).query(Long.class).single()).isEqualTo(1L);
        // A retry later answers the same.
        AttendanceView again = accounts.runAs(b.aliceAccount(), () -> events.signIn(id, b.alice(), AttendanceSource.QR));
        assertThat(again.newlyRecorded()).isFalse();
        assertThat(again.status()).isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void closingALecturePublishesLectureGivenAndEventClosed() {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "PARTY_LECTURE");
        String sec = b.studentsSecretary();
        accounts.runAs(sec, () -> events.start(id));
        published.clear();
        accounts.runAs(b.aliceAccount(), () -> events.signIn(id, b.alice(), AttendanceSource.QR));
        assertThat(published.stream(AttendanceRecorded.class)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(AttendanceStatus.PRESENT));
        accounts.runAs(sec, () -> events.close(id));
        assertThat(published.stream(LectureGiven.class)).singleElement()
                .satisfies(e -> assertThat(e.speakerPersonId()).isEqualTo(b.alice()));
        assertThat(published.stream(EventClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.attendedCount()).isEqualTo(1));
    }

    @Test
    void minutesResolutionsContestResultsAndVolunteerHours() {
        EventFixtures.Branches b = fixtures.branches();
        String sec = b.studentsSecretary();
        long meeting = fixtures.schedule(b, "REGULAR_PARTY_MEETING");
        accounts.runAs(sec, () -> events.writeMinutes(meeting, "会议纪要", "小结"));
        long res = accounts.runAs(sec, () -> events.addResolution(meeting, "落实学习计划", b.alice(), null));
        accounts.runAs(sec, () -> events.setResolutionState(meeting, res, ResolutionState.DONE));
        assertThat(accounts.runAs(sec, () -> events.resolutions(meeting))).singleElement()
                .satisfies(r -> {
                    assertThat(r.state()).isEqualTo(ResolutionState.DONE);
                    assertThat(r.assigneeName()).isEqualTo("李红");
                });
        assertThat(accounts.runAs(sec, () -> events.get(meeting)).minutes()).isEqualTo("会议纪要");
        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.addContestResult(meeting,
                new ContestResultForm(b.alice(), null, null, 1, "一等奖"))))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("event.contest.notContest");

        long contest = fixtures.schedule(b, "RED_SONG_CONTEST");
        accounts.runAs(sec, () -> events.addContestResult(contest,
                new ContestResultForm(null, "合唱一队", new BigDecimal("95.5"), 1, "一等奖")));
        assertThat(accounts.runAs(sec, () -> events.contestResults(contest))).singleElement()
                .satisfies(r -> assertThat(r.teamName()).isEqualTo("合唱一队"));

        long service = fixtures.schedule(b, "VOLUNTEER_SERVICE");
        published.clear();
        accounts.runAs(sec, () -> events.recordVolunteerHours(service, b.bob(), new BigDecimal("3.5")));
        accounts.runAs(sec, () -> events.recordVolunteerHours(service, b.bob(), new BigDecimal("4")));
        assertThat(accounts.runAs(sec, () -> events.volunteerHours(service))).singleElement()
                .satisfies(h -> assertThat(h.hours()).isEqualByComparingTo("4"));
        assertThat(published.stream(VolunteerHoursRecorded.class)).hasSize(2);
        assertThatThrownBy(() -> accounts.runAs(sec, () -> events.recordVolunteerHours(service, b.bob(),
                new BigDecimal("25")))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theRollCallSummaryOfSeveralEventsIsWhatEachRollCallCountsInOneQuery() {
        EventFixtures.Branches b = fixtures.branches();
        long carol = fixtures.person(b.dept(), "陈静", PoliticalStatus.FULL_MEMBER, false);
        long dave = fixtures.person(b.dept(), "刘洋", PoliticalStatus.PROBATIONARY_MEMBER, false);
        String sec = b.studentsSecretary();
        long first = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        long second = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        long third = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        accounts.runAs(sec, () -> {
            events.record(first, b.alice(), AttendanceStatus.PRESENT, null);
            events.record(first, b.bob(), AttendanceStatus.LATE, null);
            events.record(first, carol, AttendanceStatus.EXCUSED, "出差");
            events.record(first, dave, AttendanceStatus.ABSENT, null);
            events.record(second, b.alice(), AttendanceStatus.LATE, null);
            events.record(second, b.bob(), AttendanceStatus.EXCUSED, "生病");
            events.record(second, carol, AttendanceStatus.PRESENT, null);
            events.record(second, carol, AttendanceStatus.LATE, null);
            return null;
        });
        List<Long> ids = List.of(first, second, third);
        java.util.Map<Long, RollCallSummary> summaries = accounts.runAs(sec, () -> events.rollCallSummaries(ids));
        assertThat(summaries).containsOnlyKeys(ids);
        for (long id : ids) {
            List<RollCallLine> roll = accounts.runAs(sec, () -> events.rollCall(id));
            java.util.Map<AttendanceStatus, Long> byStatus = roll.stream().collect(java.util.stream.Collectors.groupingBy(
                    l -> l.attendance() == null ? AttendanceStatus.ABSENT : l.attendance().status(),
                    java.util.stream.Collectors.counting()));
            assertThat(summaries.get(id)).as("event %d", id).isEqualTo(new RollCallSummary(id, roll.size(),
                    byStatus.getOrDefault(AttendanceStatus.PRESENT, 0L), byStatus.getOrDefault(AttendanceStatus.LATE, 0L),
                    byStatus.getOrDefault(AttendanceStatus.EXCUSED, 0L), byStatus.getOrDefault(AttendanceStatus.ABSENT, 0L)));
        }
        assertThat(summaries.get(first)).isEqualTo(new RollCallSummary(first, 4, 1, 1, 1, 1));
        assertThat(summaries.get(second)).isEqualTo(new RollCallSummary(second, 4, 0, 2, 1, 1));
        assertThat(summaries.get(second).attended()).isEqualTo(2);
        assertThat(summaries.get(third)).isEqualTo(new RollCallSummary(third, 4, 0, 0, 0, 4));
        assertThat(accounts.runAs(sec, () -> events.search(EventQuery.all(), 0, 200)).getContent())
                .filteredOn(e -> ids.contains(e.id())).extracting(EventView::invitedCount).containsOnly(4L);

        assertThat(accounts.runAs(b.teachersSecretary(), () -> events.rollCallSummaries(ids)))
                .as("another branch's events are left out").isEmpty();
        assertThat(accounts.runAs(sec, () -> events.rollCallSummaries(List.of(-1L)))).isEmpty();
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> events.rollCallSummaries(ids)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theResolutionsOfSeveralEventsAreReadAtOnceAsEachEventListsThem() {
        EventFixtures.Branches b = fixtures.branches();
        String sec = b.studentsSecretary();
        long first = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        long second = fixtures.schedule(b, "BRANCH_COMMITTEE_MEETING");
        long none = fixtures.schedule(b, "THEMED_PARTY_DAY");
        java.time.LocalDate due = java.time.LocalDate.now(EventService.ZONE).plusDays(7);
        accounts.runAs(sec, () -> {
            events.addResolution(first, "整理会议记录", null, due);
            events.addResolution(second, "上报发展材料", b.alice(), due);
            events.addResolution(first, "开展谈心谈话", b.bob(), null);
            return null;
        });
        List<Long> ids = List.of(first, second, none);
        java.util.Map<Long, List<ResolutionView>> byEvent = accounts.runAs(sec, () -> events.resolutionsOf(ids));
        assertThat(byEvent).containsOnlyKeys(ids);
        for (long id : ids) {
            assertThat(byEvent.get(id)).as("event %d", id).isEqualTo(accounts.runAs(sec, () -> events.resolutions(id)));
        }
        assertThat(byEvent.get(first)).extracting(ResolutionView::content).containsExactly("整理会议记录", "开展谈心谈话");
        assertThat(byEvent.get(none)).isEmpty();

        assertThat(accounts.runAs(b.teachersSecretary(), () -> events.resolutionsOf(ids)))
                .as("another branch's events are left out").isEmpty();
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> events.resolutionsOf(ids)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
