package cn.hongxin.submissions;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.security.Role;
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
class SubmissionServiceTests {

    static final String NOTE = "这本书讲述了革命先辈为了民族独立和人民解放不惜抛头颅洒热血的故事，读后深受教育，更加坚定了理想信念。";

    @Autowired
    SubmissionService service;
    @Autowired
    SubmissionFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    FileStore files;
    @Autowired
    ApplicationEvents events;

    static String rid() {
        return UUID.randomUUID().toString();
    }

    static NewSubmission note() {
        return NewSubmission.readingNote(rid(), "红岩", "罗广斌、杨益言", NOTE, LocalDate.now().minusDays(1));
    }

    @Test
    void aSubmissionIsPendingForAReviewerInScopeAndNotForOneOutside() {
        var dept = org.department();
        var other = org.department();
        String member = fixtures.student(dept, "李红");
        String inScope = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        String outside = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), other.studentsBranch().id());

        SubmissionView s = accounts.runAs(member, () -> service.submit(note()));

        assertThat(s.state()).isEqualTo(SubmissionState.SUBMITTED);
        assertThat(accounts.runAs(member, () -> service.mine())).extracting(SubmissionView::id).containsExactly(s.id());
        assertThat(accounts.runAs(inScope, () -> service.pending(SubmissionQuery.pending(), 0, 50)).getContent())
                .extracting(SubmissionView::id).contains(s.id());
        assertThat(accounts.runAs(inScope, () -> service.pending(
                new SubmissionQuery(SubmissionKind.READING_NOTE, SubmissionState.SUBMITTED, dept.clazz().id()), 0, 50))
                .getContent()).extracting(SubmissionView::id).containsExactly(s.id());
        assertThat(accounts.runAs(outside, () -> service.pending(SubmissionQuery.pending(), 0, 50)).getContent())
                .extracting(SubmissionView::id).doesNotContain(s.id());
        assertThatThrownBy(() -> accounts.runAs(outside, () -> service.verify(s.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(member, () -> service.pending(SubmissionQuery.pending(), 0, 50)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void verifyingPublishesSubmissionVerifiedAndLaterRejectingRetractsIt() {
        var dept = org.department();
        String member = fixtures.student(dept, "王芳");
        String reviewer = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());
        LocalDate day = LocalDate.now().minusDays(3);
        SubmissionView s = accounts.runAs(member, () -> service.submit(
                NewSubmission.volunteerHours(rid(), new BigDecimal("2.5"), day, "社区敬老院志愿服务")));

        SubmissionView verified = accounts.runAs(reviewer, () -> service.verify(s.id()));

        assertThat(verified.state()).isEqualTo(SubmissionState.VERIFIED);
        assertThat(events.stream(SubmissionVerified.class)).containsExactly(
                new SubmissionVerified(s.id(), s.personId(), SubmissionKind.VOLUNTEER_HOURS, day, null));
        assertThat(events.stream(VolunteerHoursVerified.class)).singleElement()
                .satisfies(e -> assertThat(e.hours()).isEqualByComparingTo("2.5"));

        accounts.runAs(reviewer, () -> service.verify(s.id())); // a second click publishes nothing more
        assertThat(events.stream(SubmissionVerified.class)).hasSize(1);

        SubmissionView rejected = accounts.runAs(reviewer, () -> service.reject(s.id(), "活动证明不清晰"));
        assertThat(rejected.state()).isEqualTo(SubmissionState.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo("活动证明不清晰");
        assertThat(events.stream(SubmissionRetracted.class)).singleElement()
                .satisfies(e -> assertThat(e.hours()).isEqualByComparingTo("2.5"));
        assertThat(events.stream(SubmissionRejected.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("活动证明不清晰"));
        assertThat(accounts.runAs(member, () -> service.mine())).singleElement()
                .satisfies(v -> assertThat(v.rejectReason()).isEqualTo("活动证明不清晰"));
    }

    @Test
    void rejectingNeedsAReason() {
        var dept = org.department();
        String member = fixtures.student(dept, "赵敏");
        String reviewer = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        SubmissionView s = accounts.runAs(member, () -> service.submit(NewSubmission.poem(rid(), "我爱这土地",
                LocalDate.now())));

        assertThatThrownBy(() -> accounts.runAs(reviewer, () -> service.reject(s.id(), "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("submission.reason.required")));
        assertThat(accounts.runAs(reviewer, () -> service.get(s.id())).state()).isEqualTo(SubmissionState.SUBMITTED);
        assertThat(events.stream(SubmissionRejected.class)).isEmpty();
    }

    @Test
    void nobodyReviewsTheirOwnSubmission() {
        var dept = org.department();
        String secretary = fixtures.linked(dept, "周书记", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        SubmissionView own = accounts.runAs(secretary, () -> service.submit(note()));

        assertThatThrownBy(() -> accounts.runAs(secretary, () -> service.verify(own.id())))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("submission.review.own"));
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> service.reject(own.id(), "不合格")))
                .isInstanceOf(UserFacingException.class);
        assertThat(events.stream(SubmissionVerified.class)).isEmpty();
    }

    @Test
    void theSameRequestIdTwiceRecordsOneSubmissionAndGivesTheSameAnswer() {
        var dept = org.department();
        String member = fixtures.student(dept, "孙丽");
        NewSubmission cmd = note();

        SubmissionView first = accounts.runAs(member, () -> service.submit(cmd));
        SubmissionView again = accounts.runAs(member, () -> service.submit(cmd));

        assertThat(again).isEqualTo(first);
        assertThat(accounts.runAs(member, () -> service.mine())).hasSize(1);
    }

    @Test
    void racingRetriesWithTheSameRequestIdRecordOneSubmission() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "钱进");
        NewSubmission cmd = NewSubmission.volunteerHours(rid(), new BigDecimal("3"), LocalDate.now(), "义务献血宣传");
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SubmissionView>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return accounts.runAs(member, () -> service.submit(cmd));
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<SubmissionView> f : answers) {
                ids.add(f.get(60, TimeUnit.SECONDS).id());
            }
            assertThat(ids).hasSize(threads).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(accounts.runAs(member, () -> service.mine())).hasSize(1);
    }

    @Test
    void volunteerHoursArePositiveAndAtMostTwentyFourADay() {
        var dept = org.department();
        String member = fixtures.student(dept, "吴刚");
        LocalDate day = LocalDate.now().minusDays(2);

        for (String bad : List.of("0", "-1", "24.5", "1.125")) {
            assertThatThrownBy(() -> accounts.runAs(member, () -> service.submit(
                    NewSubmission.volunteerHours(rid(), new BigDecimal(bad), day, "社区服务"))))
                    .as(bad).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .anySatisfy(p -> assertThat(p.field()).isEqualTo("hours")));
        }
        assertThatThrownBy(() -> accounts.runAs(member, () -> service.submit(
                NewSubmission.volunteerHours(rid(), BigDecimal.ONE, LocalDate.now().plusDays(1), "社区服务"))))
                .isInstanceOf(InvalidInputException.class);

        accounts.runAs(member, () -> service.submit(NewSubmission.volunteerHours(rid(), new BigDecimal("20"), day, "支教")));
        assertThatThrownBy(() -> accounts.runAs(member, () -> service.submit(
                NewSubmission.volunteerHours(rid(), new BigDecimal("4.5"), day, "社区服务"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("submission.hours.dayFull")));
        accounts.runAs(member, () -> service.submit(NewSubmission.volunteerHours(rid(), new BigDecimal("4"), day, "社区服务")));
        assertThat(accounts.runAs(member, () -> service.mine())).hasSize(2);
    }

    @Test
    void aReadingNoteNeedsBookAuthorAndALongEnoughNote() {
        var dept = org.department();
        String member = fixtures.student(dept, "郑重");
        assertThatThrownBy(() -> accounts.runAs(member, () -> service.submit(
                NewSubmission.readingNote(rid(), " ", null, "太短", LocalDate.now()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).contains("bookTitle", "bookAuthor", "body"));
    }

    @Test
    void aPosterCarriesAStoredPhotoAndItsWindow() {
        var dept = org.department();
        String member = fixtures.student(dept, "冯军");
        long photo = accounts.runAs(member, () -> files.store("poster.png",
                new ByteArrayInputStream(SubmissionFixtures.png()), FilePurpose.PHOTO).id());
        SubmissionView s = accounts.runAs(member, () -> service.submit(NewSubmission.poster(rid(), "建党百年",
                photo, "JULY_FIRST", LocalDate.now())));
        assertThat(s.fileId()).isEqualTo(photo);
        assertThat(s.windowCode()).isEqualTo("JULY_FIRST");

        assertThatThrownBy(() -> accounts.runAs(member, () -> service.submit(NewSubmission.poster(rid(), "x",
                photo, "SPRING", LocalDate.now()))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.runAs(member, () -> service.submit(NewSubmission.poster(rid(), "x",
                987_654_321L, null, LocalDate.now()))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAccountWithoutAPersonCannotSubmit() {
        String admin = org.admin();
        assertThatThrownBy(() -> accounts.runAs(admin, () -> service.submit(note())))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("submission.noPerson"));
    }
}
