package cn.hongxin.events;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.notifications.Inbox;
import cn.hongxin.notifications.InboxItem;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Invitees and assignees hear of events through the inbox: once per change, with a link to the page. */
@IntegrationTest
class EventNoticesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    Inbox inbox;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    PersonService people;
    @Autowired
    LectureSeriesService lectureSeries;
    @Autowired
    cn.hongxin.organisation.AcademicCalendar calendar;

    EventFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
    }

    @Test
    void inviteesAreToldOfSchedulingMovesAndCancellationOnceEach() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        LocalDateTime start = LocalDateTime.now(EventService.ZONE).plusDays(3).withHour(14).withMinute(30)
                .withSecond(0).withNano(0);
        EventForm form = fixtures.form(b, "BRANCH_GENERAL_MEETING", start);
        long event = accounts.runAs(b.studentsSecretary(), () -> events.schedule(form));

        List<InboxItem> alice = items(b.aliceAccount());
        assertThat(alice).hasSize(1);
        InboxItem scheduled = alice.get(0);
        assertThat(scheduled.kind()).isEqualTo("EVENT_SCHEDULED");
        assertThat(scheduled.title()).isEqualTo("活动通知：测试活动BRANCH_GENERAL_MEETING");
        assertThat(scheduled.body()).contains(start.toLocalDate() + " 14:30").contains("第一会议室");
        assertThat(scheduled.link()).isEqualTo("/events/" + event);
        assertThat(items(b.bobAccount())).extracting(InboxItem::kind).containsExactly("EVENT_SCHEDULED");
        // The other branch is not invited and hears nothing; the badge counts one unread item.
        assertThat(accounts.runAs(b.aliceAccount(), () -> inbox.unreadCount())).isEqualTo(1);
        // Opening the item leads to the event's page.
        mvc.perform(post("/me/inbox/" + scheduled.id() + "/open").with(accounts.as(b.aliceAccount())).with(csrf()))
                .andExpect(redirectedUrl("/events/" + event));

        // Saving the same form again (a retried request) changes nothing and says nothing.
        accounts.runAs(b.studentsSecretary(), () -> events.update(event, form));
        accounts.runAs(b.studentsSecretary(), () -> events.update(event, form));
        assertThat(items(b.aliceAccount())).hasSize(1);

        // A new place: everybody invited hears of it once.
        EventForm moved = withPlace(form, "党员活动室");
        accounts.runAs(b.studentsSecretary(), () -> events.update(event, moved));
        accounts.runAs(b.studentsSecretary(), () -> events.update(event, moved));
        List<InboxItem> afterMove = items(b.aliceAccount());
        assertThat(afterMove).extracting(InboxItem::kind).containsExactly("EVENT_RESCHEDULED", "EVENT_SCHEDULED");
        assertThat(afterMove.get(0).title()).isEqualTo("活动变更：测试活动BRANCH_GENERAL_MEETING");
        assertThat(afterMove.get(0).body()).contains("党员活动室").contains("原定").contains("第一会议室");
        assertThat(afterMove.get(0).link()).isEqualTo("/events/" + event);
        assertThat(items(b.bobAccount())).hasSize(2);

        // Back to the first room: that is a change again, and is announced.
        accounts.runAs(b.studentsSecretary(), () -> events.update(event, form));
        assertThat(items(b.aliceAccount())).hasSize(3);

        // Cancelled: told once; cancelling again is refused and sends nothing.
        accounts.runAs(b.studentsSecretary(), () -> events.cancel(event));
        assertThatThrownBy(() -> accounts.runAs(b.studentsSecretary(), () -> events.cancel(event)))
                .isInstanceOf(UserFacingException.class);
        List<InboxItem> end = items(b.aliceAccount());
        assertThat(end).hasSize(4);
        assertThat(end.get(0).kind()).isEqualTo("EVENT_CANCELLED");
        assertThat(end.get(0).title()).isEqualTo("活动取消：测试活动BRANCH_GENERAL_MEETING");
        assertThat(end.get(0).link()).isEqualTo("/events/" + event);
        assertThat(items(b.bobAccount())).extracting(InboxItem::kind).filteredOn("EVENT_CANCELLED"::equals).hasSize(1);
        // The organiser, who is not invited, got nothing.
        assertThat(items(b.studentsSecretary())).isEmpty();
    }

    @Test
    void peopleAddedByAnEditAreInvitedAndPastEventsAreNotAnnounced() {
        EventFixtures.Branches b = fixtures.branches();
        LocalDateTime start = LocalDateTime.now(EventService.ZONE).plusDays(2);
        EventForm onlyAlice = personOnly(b, start, List.of(b.alice()));
        long event = accounts.runAs(b.studentsSecretary(), () -> events.schedule(onlyAlice));
        assertThat(items(b.aliceAccount())).hasSize(1);
        assertThat(items(b.bobAccount())).isEmpty();

        accounts.runAs(b.studentsSecretary(), () -> events.update(event, personOnly(b, start, List.of(b.alice(), b.bob()))));
        assertThat(items(b.aliceAccount())).hasSize(1);
        assertThat(items(b.bobAccount())).extracting(InboxItem::kind, InboxItem::link)
                .containsExactly(tuple("EVENT_SCHEDULED", "/events/" + event));

        // A meeting recorded afterwards (it started yesterday) is not announced as something to attend.
        accounts.runAs(b.studentsSecretary(), () -> events.schedule(personOnly(b, start.minusDays(3), List.of(b.bob()))));
        assertThat(items(b.bobAccount())).hasSize(1);
    }

    @Test
    void anAssigneeIsToldOfTheirActionOnceEvenWhenTheSaveIsRepeated() {
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "BRANCH_COMMITTEE_MEETING");
        int before = items(b.bobAccount()).size();
        LocalDate due = LocalDate.now(EventService.ZONE).plusDays(14);
        accounts.runAs(b.studentsSecretary(), () -> events.addResolution(event, "整理学习心得并提交支部", b.bob(), due));
        accounts.runAs(b.studentsSecretary(), () -> events.addResolution(event, "整理学习心得并提交支部", b.bob(), due));
        accounts.runAs(b.studentsSecretary(), () -> events.addResolution(event, "不指定负责人的决议", null, null));

        List<InboxItem> bob = items(b.bobAccount());
        assertThat(bob).hasSize(before + 1);
        InboxItem action = bob.get(0);
        assertThat(action.kind()).isEqualTo("ACTION_ASSIGNED");
        assertThat(action.title()).isEqualTo("工作任务：测试活动BRANCH_COMMITTEE_MEETING");
        assertThat(action.body()).isEqualTo("整理学习心得并提交支部（请于 " + due + " 前落实）");
        assertThat(action.link()).isEqualTo("/events/" + event + "#event-minutes");
        assertThat(items(b.aliceAccount())).noneMatch(i -> i.kind().equals("ACTION_ASSIGNED"));

        // A different action for the same person is a new notification.
        accounts.runAs(b.studentsSecretary(), () -> events.addResolution(event, "联系校史馆预约参观", b.bob(), null));
        assertThat(items(b.bobAccount())).hasSize(before + 2);
        assertThat(items(b.bobAccount()).get(0).body()).isEqualTo("联系校史馆预约参观");
    }

    @Test
    void aLectureSeriesIsAnnouncedOnceNotOncePerWednesday() {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures terms = new LectureSeriesFixtures(org, accounts, calendar);
        LectureSeriesFixtures.Term term = terms.term();
        long series = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));
        List<LectureView> lectures = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(series));
        assertThat(lectures).hasSizeGreaterThan(10);

        List<InboxItem> alice = items(b.aliceAccount());
        assertThat(alice).hasSize(1);
        assertThat(alice.get(0).title()).contains("周三讲堂");
        assertThat(alice.get(0).body()).contains(lectures.size() + " 讲");
        assertThat(alice.get(0).link()).isEqualTo("/events/" + lectures.get(0).eventId());
        // Regenerating adds nothing (every Wednesday exists) and announces nothing.
        accounts.runAs(b.studentsSecretary(), () -> lectureSeries.regenerate(series));
        assertThat(items(b.aliceAccount())).hasSize(1);
    }

    private List<InboxItem> items(String user) {
        return accounts.runAs(user, () -> inbox.list(0).getContent());
    }

    private EventForm withPlace(EventForm f, String place) {
        return new EventForm(f.typeId(), f.organiserUnitId(), f.title(), f.hostPersonId(), f.speakerPersonId(),
                f.speakers(), f.startsAt(), f.endsAt(), place, f.agenda(), f.tags(), f.inviteUnitIds(),
                f.inviteStatuses(), f.invitePosts(), f.invitePersonIds());
    }

    private EventForm personOnly(EventFixtures.Branches b, LocalDateTime start, List<Long> personIds) {
        return new EventForm(fixtures.typeId("PARTY_GROUP_MEETING"), b.dept().studentsBranch().id(), "谈心谈话", null,
                null, null, start, start.plusHours(1), "支部办公室", null, java.util.Set.of(), List.of(), List.of(),
                List.of(), personIds);
    }
}
