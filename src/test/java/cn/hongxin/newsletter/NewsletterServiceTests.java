package cn.hongxin.newsletter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbering, the sign-off workflow and its permissions, and the first draft from a period. */
@IntegrationTest
class NewsletterServiceTests {

    static final LocalDate OCT_1 = LocalDate.of(2025, 10, 1);
    static final LocalDate OCT_31 = LocalDate.of(2025, 10, 31);

    @Autowired
    NewsletterService newsletters;
    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestArticleSource articles;

    @Test
    void issuesAreNumberedPerUnitAndYearWhenIssued() {
        NewsletterFixtures.Org a = fixtures.org();
        NewsletterFixtures.Org b = fixtures.org();
        long a1 = fixtures.submitted(a, OCT_1, OCT_31, "甲一");
        long a2 = fixtures.submitted(a, OCT_1, OCT_31, "甲二");
        long b1 = fixtures.submitted(b, OCT_1, OCT_31, "乙一");
        long a3 = fixtures.submitted(a, OCT_1, OCT_31, "甲三");

        assertThat(accounts.runAs(a.editor(), () -> newsletters.get(a1)).number()).isNull();
        NewsletterIssueView first = accounts.runAs(a.signer(), () -> newsletters.issue(a1, LocalDate.of(2091, 12, 30)));
        assertThat(first.state()).isEqualTo(NewsletterState.ISSUED);
        assertThat(first.year()).isEqualTo(2091);
        assertThat(first.number()).isEqualTo(1);
        assertThat(accounts.runAs(a.signer(), () -> newsletters.issue(a2, LocalDate.of(2091, 12, 31))).number()).isEqualTo(2);
        // another organisation counts from 1 in the same year
        assertThat(accounts.runAs(b.signer(), () -> newsletters.issue(b1, LocalDate.of(2091, 12, 31))).number()).isEqualTo(1);
        // a new year starts again at 1
        NewsletterIssueView nextYear = accounts.runAs(a.signer(), () -> newsletters.issue(a3, LocalDate.of(2092, 1, 2)));
        assertThat(nextYear.year()).isEqualTo(2092);
        assertThat(nextYear.number()).isEqualTo(1);
        assertThat(nextYear.issuedOn()).isEqualTo(LocalDate.of(2092, 1, 2));
    }

    @Test
    void concurrentIssuesGetDistinctNumbers() throws Exception {
        NewsletterFixtures.Org a = fixtures.org();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(fixtures.submitted(a, OCT_1, OCT_31, "并发" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (long id : ids) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return accounts.runAs(a.signer(), () -> newsletters.issue(id, LocalDate.of(2093, 3, 3))).number();
                }));
            }
            start.countDown();
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : numbers) {
                got.add(f.get());
            }
            assertThat(got).containsExactlyInAnyOrder(1, 2, 3, 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyEditorsEditAndSubmitAndOnlySignersIssueEveryStepRecorded() {
        NewsletterFixtures.Org a = fixtures.org();
        String member = accounts.create("nl-member", EnumSet.of(Role.MEMBER), a.dept().generalBranch().id());
        NewsletterFixtures.Org other = fixtures.org();
        long id = fixtures.draft(a, OCT_1, OCT_31);
        long section = accounts.runAs(a.editor(), () -> newsletters.get(id).sections().get(0).id());

        assertThatThrownBy(() -> accounts.runAs(member, () -> newsletters.get(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(member, () -> newsletters.addItem(section, "x", "y")))
                .isInstanceOf(AccessDeniedException.class);
        // an editor of another organisation does not see it
        assertThatThrownBy(() -> accounts.runAs(other.editor(), () -> newsletters.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(other.editor(), () -> newsletters.submit(id))).isInstanceOf(NotFoundException.class);

        // nothing to submit yet; bad input changes nothing
        assertThatThrownBy(() -> accounts.runAs(a.editor(), () -> newsletters.submit(id)))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "newsletter.empty");
        assertThatThrownBy(() -> accounts.runAs(a.editor(), () -> newsletters.addItem(section, " ", "正文")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(accounts.runAs(a.editor(), () -> newsletters.get(id)).itemCount()).isZero();

        long item = accounts.runAs(a.editor(), () -> newsletters.addItem(section, "支部书记讲党课", "正文"));
        // the editor (committee member) may not sign
        accounts.runAs(a.editor(), () -> newsletters.submit(id));
        assertThatThrownBy(() -> accounts.runAs(a.editor(), () -> newsletters.issue(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(a.editor(), () -> newsletters.returnToEditor(id, "改")))
                .isInstanceOf(AccessDeniedException.class);
        // submitted: no more editing
        assertThatThrownBy(() -> accounts.runAs(a.editor(), () -> newsletters.updateItem(item, "改标题", "x")))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "newsletter.notEditable");

        // returning needs a comment
        assertThatThrownBy(() -> accounts.runAs(a.signer(), () -> newsletters.returnToEditor(id, "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(accounts.runAs(a.signer(), () -> newsletters.get(id)).state()).isEqualTo(NewsletterState.SUBMITTED);
        accounts.runAs(a.signer(), () -> newsletters.returnToEditor(id, "请补充活动照片"));
        NewsletterIssueView returned = accounts.runAs(a.editor(), () -> newsletters.get(id));
        assertThat(returned.state()).isEqualTo(NewsletterState.RETURNED);
        assertThat(returned.returnComment()).isEqualTo("请补充活动照片");
        // a returned issue cannot be issued until submitted again
        assertThatThrownBy(() -> accounts.runAs(a.signer(), () -> newsletters.issue(id)))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "newsletter.notSubmitted");

        accounts.runAs(a.editor(), () -> newsletters.updateItem(item, "支部书记讲专题党课", "正文（修改）"));
        accounts.runAs(a.editor(), () -> newsletters.submit(id));
        NewsletterIssueView issued = accounts.runAs(a.signer(), () -> newsletters.issue(id));
        assertThat(issued.state()).isEqualTo(NewsletterState.ISSUED);
        assertThat(issued.number()).isEqualTo(1);
        assertThat(issued.returnComment()).isNull();
        // issued twice? refused, number unchanged
        assertThatThrownBy(() -> accounts.runAs(a.signer(), () -> newsletters.issue(id)))
                .isInstanceOf(UserFacingException.class);
        assertThat(accounts.runAs(a.signer(), () -> newsletters.get(id)).number()).isEqualTo(1);

        assertThat(accounts.runAs(a.editor(), () -> newsletters.steps(id))).extracting(NewsletterStepView::step)
                .containsExactly("CREATED", "SUBMITTED", "RETURNED", "SUBMITTED", "ISSUED");
        assertThat(accounts.runAs(a.editor(), () -> newsletters.steps(id))).extracting(NewsletterStepView::actor)
                .containsExactly(a.editor(), a.editor(), a.signer(), a.editor(), a.signer());
    }

    @Test
    void theDraftFromAPeriodHoldsExactlyTheFinishedEventsOfTheSubtreeAndThePeriodAndTheArticles() {
        NewsletterFixtures.Org a = fixtures.org();
        NewsletterFixtures.Org other = fixtures.org();
        long general = a.dept().generalBranch().id();
        long teachers = a.dept().teachersBranch().id();
        long students = a.dept().studentsBranch().id();
        NewsletterFixtures.Held meeting = fixtures.event(a, general, "REGULAR_PARTY_MEETING",
                LocalDateTime.of(2025, 10, 1, 9, 0), "总支定期议党会议", "研究部署下半年党建工作。", 0, true);
        NewsletterFixtures.Held lecture = fixtures.event(a, teachers, "PARTY_LECTURE",
                LocalDateTime.of(2025, 10, 15, 14, 0), "王堃讲党课", "王堃同志以《学思践悟》为题讲授专题党课。", 2, true);
        NewsletterFixtures.Held reading = fixtures.event(a, students, "RED_BOOK_READING",
                LocalDateTime.of(2025, 10, 31, 19, 0), "读红色经典", "张犇、李燚、陈喆分享读书心得。", 1, true);
        fixtures.event(a, students, "RED_BOOK_READING", LocalDateTime.of(2025, 10, 20, 19, 0), "计划中的读书会",
                null, 0, false);
        fixtures.event(a, students, "RED_BOOK_READING", LocalDateTime.of(2025, 9, 30, 19, 0), "九月的读书会",
                "上个月", 0, true);
        fixtures.event(a, students, "RED_BOOK_READING", LocalDateTime.of(2025, 11, 1, 8, 0), "十一月的读书会",
                "下个月", 0, true);
        fixtures.event(other, other.dept().studentsBranch().id(), "RED_BOOK_READING",
                LocalDateTime.of(2025, 10, 10, 19, 0), "别的总支的读书会", "不属于本单位", 0, true);
        articles.add(a.dept().studentsBranch().path(), new NewsletterArticle("WECHAT", 9001, "学生支部开展志愿服务",
                "学生党员走进社区。", null, LocalDate.of(2025, 10, 12), "/site/articles/9001"));
        articles.add(a.dept().studentsBranch().path(), new NewsletterArticle("WECHAT", 9002, "九月的文章", "不在时段内",
                null, LocalDate.of(2025, 9, 12), "/site/articles/9002"));
        articles.add(other.dept().generalBranch().path(), new NewsletterArticle("WECHAT", 9003, "别的总支的文章", "不属于",
                null, LocalDate.of(2025, 10, 12), "/site/articles/9003"));

        long id = fixtures.draft(a, OCT_1, OCT_31);
        NewsletterIssueView draft = accounts.runAs(a.editor(), () -> newsletters.get(id));
        assertThat(draft.state()).isEqualTo(NewsletterState.DRAFT);
        assertThat(draft.number()).isNull();
        assertThat(draft.unitName()).isEqualTo(a.dept().generalBranch().name());
        assertThat(draft.sections()).extracting(NewsletterSectionView::title)
                .containsExactly("工作动态", "理论学习", "品牌活动", "支部风采");
        assertThat(draft.sections()).extracting(s -> s.items().stream().map(NewsletterItemView::title).toList())
                .containsExactly(List.of("总支定期议党会议"), List.of("王堃讲党课"), List.of("读红色经典"),
                        List.of("学生支部开展志愿服务"));
        NewsletterItemView lectureItem = draft.sections().get(1).items().get(0);
        assertThat(lectureItem.eventId()).isEqualTo(lecture.eventId());
        assertThat(lectureItem.body()).contains("王堃同志以《学思践悟》为题讲授专题党课。").contains("2025年10月15日");
        assertThat(lectureItem.photoFileIds()).containsExactlyElementsOf(lecture.photoFileIds());
        assertThat(draft.sections().get(2).items().get(0).photoFileIds()).isEqualTo(reading.photoFileIds());
        assertThat(draft.sections().get(0).items().get(0).eventId()).isEqualTo(meeting.eventId());
        NewsletterItemView article = draft.sections().get(3).items().get(0);
        assertThat(article.articleSource()).isEqualTo("WECHAT");
        assertThat(article.articleId()).isEqualTo(9001);
        assertThat(article.link()).isEqualTo("/site/articles/9001");

        // the editor reorders: the article up into 品牌活动 (past its section's edge), the reading down into 支部风采
        accounts.runAs(a.editor(), () -> newsletters.moveItem(article.id(), true));
        NewsletterIssueView moved = accounts.runAs(a.editor(), () -> newsletters.get(id));
        assertThat(moved.sections().get(2).items()).extracting(NewsletterItemView::title)
                .containsExactly("读红色经典", "学生支部开展志愿服务");
        accounts.runAs(a.editor(), () -> newsletters.moveItem(article.id(), true));
        assertThat(accounts.runAs(a.editor(), () -> newsletters.get(id)).sections().get(2).items())
                .extracting(NewsletterItemView::title).containsExactly("学生支部开展志愿服务", "读红色经典");
        // and deletes the meeting's item
        accounts.runAs(a.editor(), () -> newsletters.deleteItem(moved.sections().get(0).items().get(0).id()));
        assertThat(accounts.runAs(a.editor(), () -> newsletters.get(id)).sections().get(0).items()).isEmpty();

        // bad periods and units are refused field by field
        assertThatThrownBy(() -> accounts.runAs(a.editor(), () -> newsletters.draftFromPeriod(general, OCT_31, OCT_1)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field())
                        .containsExactly("periodTo"));
        assertThatThrownBy(() -> accounts.runAs(a.editor(), () -> newsletters.draftFromPeriod(
                other.dept().generalBranch().id(), OCT_1, OCT_31))).isInstanceOf(InvalidInputException.class);
    }
}
