package cn.hongxin.outreach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import cn.hongxin.events.EventForm;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.EventView;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.support.IntegrationTest;

import static cn.hongxin.outreach.OutreachFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A recorded talk is one HEALTH_TALK event of the events module plus its outreach details, once per client request
 * id; a held talk counts as an event held and as an audience reached, each once.
 */
@IntegrationTest
class TalkServiceTests {

    @Autowired
    OutreachFixtures fixtures;
    @Autowired
    TalkService talks;
    @Autowired
    TeamService team;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    OutreachFixtures.Dept dept;
    long speaker;
    long other;

    @BeforeEach
    void setUp() {
        dept = fixtures.department();
        speaker = fixtures.teamMember(dept, team, "陈医生", TeamRole.LEADER, Speciality.FIRST_AID);
        other = fixtures.teamMember(dept, team, "林医生", TeamRole.MEMBER, Speciality.NUTRITION);
    }

    <T> T as(java.util.function.Supplier<T> work) {
        return accounts.runAs(dept.secretary(), work);
    }

    RecordTalk talk(String requestId, String title, boolean held, Integer audience) {
        LocalDateTime start = LocalDateTime.now(EventService.ZONE).minusDays(2).truncatedTo(ChronoUnit.HOURS);
        return new RecordTalk(requestId, dept.units().teachersBranch().id(), title, start, start.plusMinutes(90),
                "社区卫生服务中心", TalkSetting.COMMUNITY, "高血压的家庭防治", audience, List.of(speaker, other), held);
    }

    long eventsTitled(String title) {
        return jdbc.sql("select count(*) from event where title = :t").param("t", title).query(Long.class).single();
    }

    @Test
    void recordingATalkCreatesOneHealthTalkEventWithItsDetailsEvenWhenRetried() {
        String title = "走进社区：高血压的家庭防治 " + UUID.randomUUID();
        String requestId = UUID.randomUUID().toString();
        RecordedTalk first = as(() -> talks.record(talk(requestId, title, true, 85)));
        assertThat(first.created()).isTrue();
        RecordedTalk again = as(() -> talks.record(talk(requestId, title, true, 85)));
        assertThat(again.created()).isFalse();
        assertThat(again.talk().eventId()).isEqualTo(first.talk().eventId());
        assertThat(eventsTitled(title)).isEqualTo(1);

        long eventId = first.talk().eventId();
        EventView event = as(() -> events.get(eventId));
        assertThat(event.type().code()).isEqualTo("HEALTH_TALK");
        assertThat(event.state()).isEqualTo(EventState.DONE);
        assertThat(event.organiserUnitId()).isEqualTo(dept.units().teachersBranch().id());
        assertThat(event.speakerPersonId()).isEqualTo(speaker);
        assertThat(event.speakers()).isEqualTo("陈医生、林医生");
        TalkView view = as(() -> talks.get(eventId));
        assertThat(view.hasDetails()).isTrue();
        assertThat(view.setting()).isEqualTo(TalkSetting.COMMUNITY);
        assertThat(view.audience()).isEqualTo(85);
        assertThat(view.speakerPersonIds()).containsExactly(speaker, other);
        assertThat(view.galleryUrl()).isEqualTo("/events/" + eventId + "#event-files");

        // Held: the events module counts it as held, outreach as 85 people reached, each once.
        await("evidence of the talk", () -> fixtures.evidenceRows("EVENT", eventId, "EVENT_HELD") == 1
                && fixtures.evidenceRows("EVENT", eventId, "AUDIENCE_REACHED") == 1);
        assertThat(jdbc.sql("select quantity from evidence where source_kind = 'EVENT' and source_id = :id"
                        + " and kind = 'AUDIENCE_REACHED'").param("id", eventId).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("85");

        // Correcting the audience replaces the quantity; the ledger still holds one row.
        as(() -> talks.saveDetails(eventId, new TalkDetailsForm(TalkSetting.COMMUNITY, "高血压的家庭防治", 92,
                List.of(speaker))));
        await("corrected audience", () -> jdbc.sql("select quantity from evidence where source_kind = 'EVENT'"
                        + " and source_id = :id and kind = 'AUDIENCE_REACHED'").param("id", eventId)
                .query(java.math.BigDecimal.class).single().intValue() == 92);
        assertThat(fixtures.evidenceRows("EVENT", eventId, "AUDIENCE_REACHED")).isEqualTo(1);
    }

    @Test
    void aRefusedTalkLeavesNoEventBehind() {
        String title = "无效宣讲 " + UUID.randomUUID();
        RecordTalk noSpeakers = new RecordTalk(UUID.randomUUID().toString(), dept.units().teachersBranch().id(), title,
                LocalDateTime.now(EventService.ZONE).plusDays(3), null, null, null, " ", null, List.of(), true);
        assertThatThrownBy(() -> as(() -> talks.record(noSpeakers))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::field)
                        .contains("setting", "topic", "audience", "speakerPersonIds", "startsAt"));
        // The event's own fields are reported together with the details'.
        RecordTalk noTitle = new RecordTalk(UUID.randomUUID().toString(), dept.units().teachersBranch().id(), " ",
                LocalDateTime.now(EventService.ZONE).minusDays(1), null, null, TalkSetting.CAMPUS, "急救", 0,
                List.of(speaker), true);
        assertThatThrownBy(() -> as(() -> talks.record(noTitle))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("title", "audience"));
        // A speaker who is not in the team.
        long outsider = fixtures.teacher(dept.units(), "外聘专家", cn.hongxin.organisation.PoliticalStatus.MASSES);
        RecordTalk stranger = new RecordTalk(UUID.randomUUID().toString(), dept.units().teachersBranch().id(), title,
                LocalDateTime.now(EventService.ZONE).minusDays(1), null, null, TalkSetting.CAMPUS, "急救", 50,
                List.of(outsider), true);
        assertThatThrownBy(() -> as(() -> talks.record(stranger))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::messageKey)
                        .containsExactly("outreach.talk.speakers.notInTeam"));
        assertThat(eventsTitled(title)).isZero();
    }

    @Test
    void aPlannedTalkReachesItsAudienceWhenItsEventIsClosed() {
        String title = "校园健康讲座 " + UUID.randomUUID();
        LocalDateTime start = LocalDateTime.now(EventService.ZONE).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        RecordedTalk planned = as(() -> talks.record(new RecordTalk(UUID.randomUUID().toString(),
                dept.units().teachersBranch().id(), title, start, null, "报告厅", TalkSetting.CAMPUS, "睡眠与心理健康",
                120, List.of(speaker), false)));
        long eventId = planned.talk().eventId();
        assertThat(planned.talk().state()).isEqualTo(EventState.PLANNED);
        assertThat(fixtures.evidenceRows("EVENT", eventId, "AUDIENCE_REACHED")).isZero();
        as(() -> events.start(eventId));
        as(() -> events.close(eventId));
        await("audience on close", () -> fixtures.evidenceRows("EVENT", eventId, "AUDIENCE_REACHED") == 1);
    }

    @Test
    void detailsCanBeAddedToAHealthTalkScheduledOnTheEventsPagesButNotToOtherEvents() {
        long typeId = as(() -> types.byCode("HEALTH_TALK")).orElseThrow().id();
        long meetingType = as(() -> types.byCode("REGULAR_PARTY_MEETING")).orElseThrow().id();
        LocalDateTime start = LocalDateTime.now(EventService.ZONE).plusDays(5).truncatedTo(ChronoUnit.HOURS);
        long talkId = as(() -> events.schedule(new EventForm(typeId, dept.units().teachersBranch().id(),
                "健康讲座 " + UUID.randomUUID(), null, null, null, start, null, null, null, java.util.Set.of(),
                List.of(), List.of(), List.of(), List.of(speaker))));
        assertThat(as(() -> talks.get(talkId)).hasDetails()).isFalse();
        TalkView saved = as(() -> talks.saveDetails(talkId, new TalkDetailsForm(TalkSetting.CAMPUS, "合理用药", null,
                List.of(other))));
        assertThat(saved.hasDetails()).isTrue();
        assertThat(saved.speakerNames()).isEqualTo("林医生");
        long meetingId = as(() -> events.schedule(new EventForm(meetingType, dept.units().teachersBranch().id(),
                "支部会 " + UUID.randomUUID(), null, null, null, start, null, null, null, java.util.Set.of(),
                List.of(), List.of(), List.of(), List.of(speaker))));
        assertThatThrownBy(() -> as(() -> talks.get(meetingId))).isInstanceOf(cn.hongxin.shared.NotFoundException.class);
        assertThat(as(() -> talks.page(null, null, 0, 50)).getContent()).extracting(TalkView::eventId)
                .contains(talkId).doesNotContain(meetingId);
    }

    @Test
    void aMemberWithoutOutreachEditIsRefused() {
        assertThatThrownBy(() -> accounts.runAs(dept.member(), () -> talks.record(talk("m-" + UUID.randomUUID(),
                "越权宣讲", true, 10)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(dept.member(), () -> talks.page(null, null, 0, 20)))
                .isInstanceOf(AccessDeniedException.class);
    }

    long invitedNotices(long personId, long eventId) {
        return jdbc.sql("select count(*) from notification where recipient_person_id = :p and kind = 'EVENT_SCHEDULED'"
                        + " and link like :l").param("p", personId).param("l", "%/events/" + eventId)
                .query(Long.class).single();
    }

    @Test
    void aTalkRecordedAfterTheFactInvitesNobodyWhileAComingTalkTellsItsSpeakers() {
        // Held two days ago, entered today: the speakers are on its roll-call but hear of no invitation.
        RecordedTalk held = as(() -> talks.record(talk(UUID.randomUUID().toString(), "补录宣讲 " + UUID.randomUUID(),
                true, 40)));
        long heldId = held.talk().eventId();
        // Given three hours ago and entered as planned (not yet closed): nothing to attend either.
        LocalDateTime earlier = LocalDateTime.now(EventService.ZONE).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        RecordedTalk late = as(() -> talks.record(new RecordTalk(UUID.randomUUID().toString(),
                dept.units().teachersBranch().id(), "补录未结束 " + UUID.randomUUID(), earlier, null, "报告厅",
                TalkSetting.CAMPUS, "睡眠与心理健康", null, List.of(speaker, other), false)));
        long lateId = late.talk().eventId();
        // Next week: both speakers are told, once each, also when the form is sent twice.
        LocalDateTime coming = LocalDateTime.now(EventService.ZONE).plusDays(7).truncatedTo(ChronoUnit.HOURS);
        String requestId = UUID.randomUUID().toString();
        RecordTalk next = new RecordTalk(requestId, dept.units().teachersBranch().id(), "下周宣讲 " + UUID.randomUUID(),
                coming, coming.plusHours(1), "社区活动室", TalkSetting.COMMUNITY, "合理用药", null,
                List.of(speaker, other), false);
        long nextId = as(() -> talks.record(next)).talk().eventId();
        assertThat(as(() -> talks.record(next)).created()).isFalse();

        for (long person : List.of(speaker, other)) {
            assertThat(invitedNotices(person, heldId)).as("held talk, person " + person).isZero();
            assertThat(invitedNotices(person, lateId)).as("late talk, person " + person).isZero();
            assertThat(invitedNotices(person, nextId)).as("coming talk, person " + person).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from notification where link like :l or link like :m")
                .param("l", "%/events/" + heldId).param("m", "%/events/" + lateId).query(Long.class).single()).isZero();
        // The speakers stay on the roll-call of the talks entered afterwards.
        assertThat(as(() -> events.rollCall(heldId))).extracting(cn.hongxin.events.RollCallLine::personId)
                .contains(speaker, other);
        assertThat(as(() -> events.rollCall(lateId))).extracting(cn.hongxin.events.RollCallLine::personId)
                .contains(speaker, other);
    }
}
