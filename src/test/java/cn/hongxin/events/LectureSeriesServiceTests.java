package cn.hongxin.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.SemesterView;
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
class LectureSeriesServiceTests {

    @Autowired
    LectureSeriesService lectureSeries;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    AcademicCalendar calendar;
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
    FileStore files;

    EventFixtures fixtures;
    LectureSeriesFixtures terms;

    @BeforeEach
    void fixtures() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
        terms = new LectureSeriesFixtures(org, accounts, calendar);
    }

    @Test
    void generatesEveryTeachingWeekWednesdayButTheHolidayAndRotatesTheTopics() {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        long id = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));

        SemesterView s = term.semester();
        List<LocalDate> wednesdays = new ArrayList<>();
        for (LocalDate d = s.startDate(); d.isBefore(s.startDate().plusWeeks(s.teachingWeeks())); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                wednesdays.add(d);
            }
        }
        assertThat(wednesdays).hasSize(16).contains(term.holidayWednesday());

        List<LectureView> lectures = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id));
        assertThat(lectures).hasSize(wednesdays.size() - 1);
        assertThat(lectures).extracting(LectureView::date).doesNotContain(term.holidayWednesday())
                .allMatch(d -> d.getDayOfWeek() == DayOfWeek.WEDNESDAY).isSorted();
        assertThat(lectures.get(0).week()).isEqualTo(1);
        assertThat(lectures.get(2).week()).isEqualTo(4); // week 3 is the holiday
        LectureTopic[] order = LectureTopic.values();
        for (int i = 0; i < lectures.size(); i++) {
            assertThat(lectures.get(i).topic()).isEqualTo(order[i % 3]);
        }
        assertThat(lectures).allMatch(l -> l.state() == EventState.PLANNED);

        // Every lecture is an ordinary 周三讲堂 event inviting the organiser's branch.
        EventView first = accounts.runAs(b.studentsSecretary(), () -> events.get(lectures.get(0).eventId()));
        assertThat(first.type().code()).isEqualTo("WEDNESDAY_LECTURE");
        assertThat(first.invitedCount()).isEqualTo(2);
        assertThat(first.startsAt()).isEqualTo(lectures.get(0).date().atTime(14, 30));
        assertThat(first.place()).isEqualTo("学术报告厅");

        LectureSeriesView view = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.get(id));
        assertThat(view.lectureCount()).isEqualTo(15);
        assertThat(view.semesterName()).isEqualTo("第一学期");

        // Regenerating adds nothing when every lecture is there; a second series for the same semester is refused.
        assertThat(accounts.runAs(b.studentsSecretary(), () -> lectureSeries.regenerate(id))).isZero();
        assertThatThrownBy(() -> accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSpeakerIsAssignedAndReplaced() {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        long id = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));
        long lecture = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id)).get(1).eventId();

        accounts.runAs(b.studentsSecretary(), () -> lectureSeries.assign(lecture, b.alice(), "学习党的二十大精神"));
        LectureView assigned = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lecture(lecture));
        assertThat(assigned.speakerPersonId()).isEqualTo(b.alice());
        assertThat(assigned.speakerName()).isEqualTo("李红");
        assertThat(assigned.title()).isEqualTo("学习党的二十大精神");
        assertThat(assigned.topic()).isEqualTo(LectureTopic.THEORY);

        accounts.runAs(b.studentsSecretary(), () -> lectureSeries.assign(lecture, b.bob(), ""));
        LectureView replaced = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lecture(lecture));
        assertThat(replaced.speakerName()).isEqualTo("王强");
        assertThat(replaced.title()).isEqualTo("学习党的二十大精神");
        assertThat(accounts.runAs(b.studentsSecretary(), () -> events.get(lecture)).speakerPersonId()).isEqualTo(b.bob());

        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> lectureSeries.assign(lecture, b.alice(), null)))
                .isNotInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyAttendeesRateALectureOnceEachAndAveragesFollow() {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        long id = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));
        long lecture = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id)).get(0).eventId();
        accounts.runAs(b.studentsSecretary(), () -> events.record(lecture, b.alice(), AttendanceStatus.PRESENT, null));

        // Bob is invited but did not attend.
        assertThatThrownBy(() -> accounts.runAs(b.bobAccount(), () -> lectureSeries.giveFeedback(lecture, 4, "好")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("lecture.feedback.notAttended");
        assertThat(accounts.runAs(b.bobAccount(), () -> lectureSeries.mayGiveFeedback(lecture))).isFalse();
        assertThat(accounts.runAs(b.aliceAccount(), () -> lectureSeries.mayGiveFeedback(lecture))).isTrue();

        for (int bad : new int[] {0, 6}) {
            assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> lectureSeries.giveFeedback(lecture, bad, null)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .extracting(p -> p.field()).containsExactly("rating"));
        }

        accounts.runAs(b.aliceAccount(), () -> lectureSeries.giveFeedback(lecture, 5, "讲得很好"));
        accounts.runAs(b.aliceAccount(), () -> lectureSeries.giveFeedback(lecture, 3, "  内容可以更具体  "));
        assertThat(jdbc.sql("select count(*) from lecture_feedback where event_id = ?").param(lecture)
                .query(Long.class).single()).isEqualTo(1);
        LectureFeedbackView mine = accounts.runAs(b.aliceAccount(), () -> lectureSeries.myFeedback(lecture)).orElseThrow();
        assertThat(mine.rating()).isEqualTo(3);
        assertThat(mine.comment()).isEqualTo("内容可以更具体");

        accounts.runAs(b.studentsSecretary(), () -> events.record(lecture, b.bob(), AttendanceStatus.LATE, null));
        accounts.runAs(b.bobAccount(), () -> lectureSeries.giveFeedback(lecture, 4, null));

        LectureView rated = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lecture(lecture));
        assertThat(rated.averageRating()).isEqualTo(3.5);
        assertThat(rated.feedbackCount()).isEqualTo(2);
        assertThat(accounts.runAs(b.studentsSecretary(), () -> lectureSeries.get(id)).averageRating()).isEqualTo(3.5);
        assertThat(accounts.runAs(b.studentsSecretary(), () -> lectureSeries.feedback(lecture))).hasSize(2);

        // An excused absence does not count as attending.
        long second = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id)).get(1).eventId();
        accounts.runAs(b.studentsSecretary(), () -> events.record(second, b.alice(), AttendanceStatus.EXCUSED, "出差"));
        assertThatThrownBy(() -> accounts.runAs(b.aliceAccount(), () -> lectureSeries.giveFeedback(second, 5, null)))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void anotherBranchesSecretaryDoesNotSeeTheSeries() {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        long id = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));
        long lecture = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id)).get(0).eventId();

        assertThatThrownBy(() -> accounts.runAs(b.teachersSecretary(), () -> lectureSeries.get(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(b.teachersSecretary(), () -> lectureSeries.lectures(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(b.teachersSecretary(), () -> lectureSeries.regenerate(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(b.teachersSecretary(), () -> lectureSeries.assign(lecture, b.teacher(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(accounts.runAs(b.teachersSecretary(), () -> lectureSeries.list()))
                .extracting(LectureSeriesView::id).doesNotContain(id);
        assertThat(accounts.runAs(b.studentsSecretary(), () -> lectureSeries.list()))
                .extracting(LectureSeriesView::id).contains(id);
    }

    @Test
    void anOrganiserAttachesOnlyFilesTheyStoredThemselves() {
        EventFixtures.Branches b = fixtures.branches();
        LectureSeriesFixtures.Term term = terms.term();
        long id = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.create(terms.form(b, term)));
        long lecture = accounts.runAs(b.studentsSecretary(), () -> lectureSeries.lectures(id)).get(0).eventId();
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long someoneElses = accounts.runAs(b.teachersSecretary(),
                () -> files.store("心得.pdf", new java.io.ByteArrayInputStream(pdf), FilePurpose.DOCUMENT)).id();
        long own = accounts.runAs(b.studentsSecretary(),
                () -> files.store("讲稿.pdf", new java.io.ByteArrayInputStream(pdf), FilePurpose.DOCUMENT)).id();

        assertThatThrownBy(() -> accounts.runAs(b.studentsSecretary(), () -> lectureSeries.attach(lecture, someoneElses)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(accounts.runAs(b.studentsSecretary(), () -> lectureSeries.attach(lecture, own)).fileId()).isEqualTo(own);
        assertThat(jdbc.sql("select count(*) from lecture_material where event_id = ?").param(lecture)
                .query(Long.class).single()).isEqualTo(1L);
    }
}
