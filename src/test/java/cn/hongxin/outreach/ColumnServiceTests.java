package cn.hongxin.outreach;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.hongxin.events.EventService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;

import static cn.hongxin.outreach.OutreachFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The column calendar's states: planned, written (article attached), published, and back one step with a reason.
 * Every illegal move is refused with its own message and leaves the piece, its history and the ledger as they were.
 */
@IntegrationTest
class ColumnServiceTests {

    static final LocalDate TODAY = LocalDate.now(EventService.ZONE);

    @Autowired
    OutreachFixtures fixtures;
    @Autowired
    ColumnService column;
    @Autowired
    TeamService team;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ColumnNewsletterSource newsletterSource;

    OutreachFixtures.Dept dept;
    long author;
    ColumnIssueView issue;

    @BeforeEach
    void setUp() {
        dept = fixtures.department();
        author = fixtures.teamMember(dept, team, "王医生", TeamRole.MEMBER, Speciality.CARDIOVASCULAR);
        issue = as(() -> column.addIssue(new ColumnIssueForm(dept.units().teachersBranch().id(), "第312期",
                TODAY.minusDays(3), null)));
    }

    <T> T as(java.util.function.Supplier<T> work) {
        return accounts.runAs(dept.secretary(), work);
    }

    ColumnPieceView planned(String topic) {
        return as(() -> column.plan(new ColumnPieceForm(issue.id(), topic, author)));
    }

    ColumnPieceView move(long id, PieceState target, String reason, LocalDate on) {
        return as(() -> column.move(id, new PieceMove(target, reason, on, null)));
    }

    void refusedWith(long id, PieceMove move, String key) {
        ColumnPieceView before = as(() -> column.get(id));
        long history = fixtures.logRows(id);
        assertThatThrownBy(() -> as(() -> column.move(id, move)))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).messageKey()).isEqualTo(key));
        assertThat(as(() -> column.get(id))).isEqualTo(before);
        assertThat(fixtures.logRows(id)).isEqualTo(history);
    }

    void refusedOnField(long id, PieceMove move, String field, String key) {
        ColumnPieceView before = as(() -> column.get(id));
        long history = fixtures.logRows(id);
        assertThatThrownBy(() -> as(() -> column.move(id, move)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .contains(org.assertj.core.groups.Tuple.tuple(field, key)));
        assertThat(as(() -> column.get(id))).isEqualTo(before);
        assertThat(fixtures.logRows(id)).isEqualTo(history);
    }

    @Test
    void aPieceGoesFromPlannedToWrittenToPublishedAndCountsOnceAsEvidence() {
        ColumnPieceView p = planned("秋冬季节心脑血管疾病的预防");
        assertThat(p.state()).isEqualTo(PieceState.PLANNED);
        as(() -> column.attach(p.id(), "心脑血管.pdf", OutreachFixtures.pdf()));
        ColumnPieceView written = move(p.id(), PieceState.WRITTEN, null, null);
        assertThat(written.state()).isEqualTo(PieceState.WRITTEN);
        assertThat(written.fileName()).isEqualTo("心脑血管.pdf");
        ColumnPieceView published = move(p.id(), PieceState.PUBLISHED, null, null);
        assertThat(published.state()).isEqualTo(PieceState.PUBLISHED);
        assertThat(published.publishedOn()).isEqualTo(issue.issueDate());
        assertThat(as(() -> column.history(p.id()))).extracting(PieceLogView::toState)
                .containsExactly(PieceState.PLANNED, PieceState.WRITTEN, PieceState.PUBLISHED);

        await("column evidence", () -> fixtures.evidenceRows("COLUMN_ARTICLE", p.id(), "ARTICLE_PUBLISHED") == 1);
        // Publishing again is refused: no second publication, still one row.
        refusedWith(p.id(), new PieceMove(PieceState.PUBLISHED, null, null, null), "outreach.piece.move.same.PUBLISHED");
        assertThat(fixtures.publications("ColumnArticlePublished", p.id())).isEqualTo(1);
        assertThat(fixtures.evidenceRows("COLUMN_ARTICLE", p.id(), "ARTICLE_PUBLISHED")).isEqualTo(1);
    }

    @Test
    void illegalMovesAreRefusedWithAClearMessageAndChangeNothing() {
        ColumnPieceView p = planned("考试季的焦虑与自我调适");
        // Planned cannot be published, and cannot be written without an article.
        refusedWith(p.id(), new PieceMove(PieceState.PUBLISHED, null, null, null), "outreach.piece.move.notWritten");
        refusedWith(p.id(), new PieceMove(PieceState.WRITTEN, null, null, null), "outreach.piece.move.noArticle");
        refusedWith(p.id(), new PieceMove(PieceState.PLANNED, null, null, null), "outreach.piece.move.same.PLANNED");
        refusedOnField(p.id(), new PieceMove(null, null, null, null), "target", "validation.required");

        as(() -> column.attach(p.id(), "焦虑.pdf", OutreachFixtures.pdf()));
        move(p.id(), PieceState.WRITTEN, null, null);
        // Sending back needs a reason; publishing in the future is refused.
        refusedOnField(p.id(), new PieceMove(PieceState.PLANNED, "  ", null, null), "reason",
                "outreach.piece.move.reasonRequired");
        refusedOnField(p.id(), new PieceMove(PieceState.PUBLISHED, null, TODAY.plusDays(1), null), "publishedOn",
                "outreach.piece.publishedOn.future");
        // A stale version (another editor moved it meanwhile) is refused.
        long version = as(() -> column.get(p.id())).version();
        refusedWith(p.id(), new PieceMove(PieceState.PUBLISHED, null, null, version + 1), "outreach.piece.stale");

        move(p.id(), PieceState.PUBLISHED, null, TODAY);
        // A published piece cannot go straight back to planned, nor be edited, re-attached or deleted.
        refusedWith(p.id(), new PieceMove(PieceState.PLANNED, "改题", null, null), "outreach.piece.move.withdrawFirst");
        ColumnPieceView before = as(() -> column.get(p.id()));
        assertThatThrownBy(() -> as(() -> column.update(p.id(), new ColumnPieceForm(issue.id(), "新题目", author))))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("outreach.piece.publishedLocked");
        assertThatThrownBy(() -> as(() -> column.attach(p.id(), "新稿.pdf", OutreachFixtures.pdf())))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("outreach.piece.publishedLocked");
        assertThatThrownBy(() -> as(() -> { column.delete(p.id()); return null; }))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("outreach.piece.publishedLocked");
        assertThat(as(() -> column.get(p.id()))).isEqualTo(before);
        assertThat(fixtures.logRows(p.id())).isEqualTo(3);
    }

    @Test
    void stepsBackKeepTheirReasonAndAWithdrawnPieceLeavesTheLedger() {
        ColumnPieceView p = planned("抗生素不是消炎药");
        as(() -> column.attach(p.id(), "用药.pdf", OutreachFixtures.pdf()));
        move(p.id(), PieceState.WRITTEN, null, null);
        ColumnPieceView back = move(p.id(), PieceState.PLANNED, "篇幅超出版面，请压缩到1500字", null);
        assertThat(back.state()).isEqualTo(PieceState.PLANNED);
        assertThat(back.lastReason()).isEqualTo("篇幅超出版面，请压缩到1500字");
        assertThat(back.fileId()).isNotNull();

        move(p.id(), PieceState.WRITTEN, null, null);
        move(p.id(), PieceState.PUBLISHED, null, TODAY.minusDays(1));
        await("column evidence", () -> fixtures.evidenceRows("COLUMN_ARTICLE", p.id(), "ARTICLE_PUBLISHED") == 1);
        ColumnPieceView withdrawn = move(p.id(), PieceState.WRITTEN, "数据需按新版指南更新", null);
        assertThat(withdrawn.state()).isEqualTo(PieceState.WRITTEN);
        assertThat(withdrawn.publishedOn()).isNull();
        await("withdrawal", () -> fixtures.evidenceRows("COLUMN_ARTICLE", p.id(), "ARTICLE_PUBLISHED") == 0);
        assertThat(as(() -> column.history(p.id()))).extracting(PieceLogView::toState, PieceLogView::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PieceState.PLANNED, null),
                        org.assertj.core.groups.Tuple.tuple(PieceState.WRITTEN, null),
                        org.assertj.core.groups.Tuple.tuple(PieceState.PLANNED, "篇幅超出版面，请压缩到1500字"),
                        org.assertj.core.groups.Tuple.tuple(PieceState.WRITTEN, null),
                        org.assertj.core.groups.Tuple.tuple(PieceState.PUBLISHED, null),
                        org.assertj.core.groups.Tuple.tuple(PieceState.WRITTEN, "数据需按新版指南更新"));
    }

    @Test
    void theMonthShowsIssuesAndPiecesWithTheirStates() {
        ColumnPieceView a = planned("女生经期健康小知识");
        ColumnPieceView b = planned("体检报告里的箭头怎么看");
        as(() -> column.attach(b.id(), "体检.pdf", OutreachFixtures.pdf()));
        move(b.id(), PieceState.WRITTEN, null, null);
        ColumnMonth month = as(() -> column.month(java.time.YearMonth.from(issue.issueDate())));
        assertThat(month.issues()).extracting(ColumnIssueView::id).contains(issue.id());
        assertThat(month.pieces()).extracting(ColumnPieceView::id).contains(a.id(), b.id());
        ColumnMonth.Day day = month.weeks().stream().flatMap(List::stream)
                .filter(d -> d.date().equals(issue.issueDate())).findFirst().orElseThrow();
        assertThat(day.pieces()).extracting(ColumnPieceView::topic).contains("女生经期健康小知识", "体检报告里的箭头怎么看");
        assertThat(month.weeks()).allSatisfy(w -> assertThat(w).hasSize(7));
    }

    @Test
    void issuesAndPiecesAreValidatedAndScoped() {
        assertThatThrownBy(() -> as(() -> column.addIssue(new ColumnIssueForm(dept.units().teachersBranch().id(),
                "第312期", TODAY, null)))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::messageKey)
                        .containsExactly("outreach.issue.duplicate"));
        assertThatThrownBy(() -> as(() -> column.plan(new ColumnPieceForm(issue.id(), " ", null))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("topic", "authorPersonId"));

        // The secretary of another department sees nothing of this column; a member may not keep it at all.
        ColumnPieceView p = planned("冬季运动防损伤指南");
        OutreachFixtures.Dept other = fixtures.department();
        assertThatThrownBy(() -> accounts.runAs(other.secretary(), () -> column.get(p.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(other.secretary(), () -> column.move(p.id(),
                new PieceMove(PieceState.WRITTEN, null, null, null)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.runAs(dept.member(), () -> column.get(p.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(() -> column.get(p.id())).state()).isEqualTo(PieceState.PLANNED);
    }

    @Test
    void publishedPiecesAreOfferedToNewsletterDraftsOfTheirUnit() {
        ColumnPieceView p = planned("冬季流感与疫苗");
        planned("尚未刊发的稿件"); // planned only: not offered
        as(() -> column.attach(p.id(), "流感.pdf", OutreachFixtures.pdf()));
        move(p.id(), PieceState.WRITTEN, null, null);
        move(p.id(), PieceState.PUBLISHED, null, TODAY.minusDays(1));
        String path = dept.units().teachersBranch().path();
        assertThat(newsletterSource.publishedBetween(path, TODAY.minusDays(7), TODAY))
                .extracting(cn.hongxin.newsletter.NewsletterArticle::id, cn.hongxin.newsletter.NewsletterArticle::title,
                        cn.hongxin.newsletter.NewsletterArticle::publishedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(p.id(), "冬季流感与疫苗", TODAY.minusDays(1)));
        assertThat(newsletterSource.publishedBetween(path, TODAY, TODAY)).isEmpty();
        assertThat(newsletterSource.publishedBetween(dept.units().studentsBranch().path(), TODAY.minusDays(7), TODAY))
                .isEmpty();
    }
}
