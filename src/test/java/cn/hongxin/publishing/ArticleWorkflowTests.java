package cn.hongxin.publishing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The review workflow (三审三校): every step by a role that may take it and refused for roles that may not, never
 * on one's own article, refusals changing nothing, every step in the history and the audit trail.
 */
@IntegrationTest
class ArticleWorkflowTests {

    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PublishingFixtures fixtures;
    @Autowired
    ArticleService articles;
    @Autowired
    PublicSite site;
    @Autowired
    JdbcClient jdbc;

    TestOrganisation.Department dept;
    String author;      // committee member: write, review
    String reviewer;    // committee member: write, review
    String approver;    // branch secretary: write, review, approve
    String publisher;   // general secretary: everything
    String member;      // no article permission

    @BeforeEach
    void people() {
        dept = org.department();
        author = fixtures.person(dept, "撰稿人", Role.COMMITTEE_MEMBER);
        reviewer = fixtures.person(dept, "初审人", Role.COMMITTEE_MEMBER);
        approver = fixtures.person(dept, "终审人", Role.BRANCH_SECRETARY);
        publisher = fixtures.person(dept, "签发人", Role.GENERAL_SECRETARY);
        member = fixtures.person(dept, "党员", Role.MEMBER);
    }

    @Test
    void aDraftGoesThroughEveryStepByAllowedRolesOnly() {
        ArticleView a = fixtures.draft(author, dept.studentsBranch().id(), "学生支部开展主题党日");
        long id = a.id();
        assertThat(a.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(a.bodyHtml()).contains("<h2>", "src=\"/files/");

        // Someone without article:write cannot even see it.
        assertThatThrownBy(() -> accounts.runAs(member, () -> articles.submit(id, null)))
                .isInstanceOf(AccessDeniedException.class);

        accounts.runAs(author, () -> articles.submit(id, "请审核"));
        // The author may not review their own article, even holding article:review.
        refused(author, () -> articles.review(id, null), "article.step.own", id, ArticleState.SUBMITTED);
        // No step is skipped: approval and publication wait for the first review, whoever asks.
        refused(approver, () -> articles.approve(id, null), "article.state.changed", id, ArticleState.SUBMITTED);
        refused(publisher, () -> articles.publish(id), "article.state.changed", id, ArticleState.SUBMITTED);

        accounts.runAs(reviewer, () -> articles.review(id, "初审同意"));
        // 终审 needs article:approve: a committee member has none.
        refused(reviewer, () -> articles.approve(id, null), "article.step.notAllowed", id, ArticleState.REVIEWED);
        refused(author, () -> articles.approve(id, null), "article.step.notAllowed", id, ArticleState.REVIEWED);

        accounts.runAs(approver, () -> articles.approve(id, "同意"));
        // 签发 needs article:publish: a branch secretary has none.
        refused(approver, () -> articles.publish(id), "article.step.notAllowed", id, ArticleState.APPROVED);
        assertThat(site.article(String.valueOf(id))).isEmpty();

        ArticleView published = accounts.runAs(publisher, () -> articles.publish(id));
        assertThat(published.state()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(published.publishedOn()).isEqualTo(LocalDate.now(ArticleService.CHINA));
        assertThat(site.article(String.valueOf(id))).isPresent();
        // Publishing again is refused and changes nothing.
        refused(publisher, () -> articles.publish(id), "article.state.changed", id, ArticleState.PUBLISHED);

        List<ArticleHistoryEntry> history = accounts.runAs(author, () -> articles.history(id));
        assertThat(history).extracting(ArticleHistoryEntry::from, ArticleHistoryEntry::to, ArticleHistoryEntry::comment)
                .containsExactly(
                        tuple(null, ArticleState.DRAFT, null),
                        tuple(ArticleState.DRAFT, ArticleState.SUBMITTED, "请审核"),
                        tuple(ArticleState.SUBMITTED, ArticleState.REVIEWED, "初审同意"),
                        tuple(ArticleState.REVIEWED, ArticleState.APPROVED, "同意"),
                        tuple(ArticleState.APPROVED, ArticleState.PUBLISHED, null));
        assertThat(history).extracting(ArticleHistoryEntry::actorName)
                .containsExactly("撰稿人", "撰稿人", "初审人", "终审人", "签发人");
        assertThat(audited(id, "SUCCESS")).isGreaterThanOrEqualTo(5);
        assertThat(audited(id, "DENIED")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyReviewStepMayReturnWithACommentButNotTheAuthor() {
        long id = fixtures.draft(author, dept.teachersBranch().id(), "教工支部理论学习").id();
        accounts.runAs(author, () -> articles.submit(id, null));
        refused(author, () -> articles.returnToDraft(id, "自己退回"), "article.step.own", id, ArticleState.SUBMITTED);
        assertThatThrownBy(() -> accounts.runAs(reviewer, () -> articles.returnToDraft(id, "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(state(id)).isEqualTo(ArticleState.SUBMITTED);

        ArticleView back = accounts.runAs(reviewer, () -> articles.returnToDraft(id, "第二段数据需核实"));
        assertThat(back.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(back.lastComment()).isEqualTo("第二段数据需核实");

        // Reviewed: only a holder of article:approve returns it.
        accounts.runAs(author, () -> articles.submit(id, null));
        accounts.runAs(reviewer, () -> articles.review(id, null));
        refused(reviewer, () -> articles.returnToDraft(id, "不行"), "article.step.notAllowed", id,
                ArticleState.REVIEWED);
        accounts.runAs(approver, () -> articles.returnToDraft(id, "标题再斟酌"));
        assertThat(state(id)).isEqualTo(ArticleState.DRAFT);

        // Approved: only a holder of article:publish returns it.
        fixtures.approve(id, author, reviewer, approver);
        refused(approver, () -> articles.returnToDraft(id, "不行"), "article.step.notAllowed", id,
                ArticleState.APPROVED);
        accounts.runAs(publisher, () -> articles.returnToDraft(id, "配图更换"));
        assertThat(state(id)).isEqualTo(ArticleState.DRAFT);

        assertThat(accounts.runAs(author, () -> articles.history(id))).filteredOn(h -> h.to() == ArticleState.DRAFT
                        && h.from() != null)
                .extracting(ArticleHistoryEntry::comment).containsExactly("第二段数据需核实", "标题再斟酌", "配图更换");
    }

    @Test
    void onlyDraftsChangeAndOutOfScopeArticlesAreNotFound() {
        ArticleView a = fixtures.draft(author, dept.studentsBranch().id(), "范围测试");
        accounts.runAs(author, () -> articles.submit(a.id(), null));
        ArticleForm form = new ArticleForm("改标题", null, null, BodyFormat.MARKDOWN, "正文", dept.studentsBranch().id(),
                null, null, List.of());
        assertThatThrownBy(() -> accounts.runAs(author, () -> articles.update(a.id(), form)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("article.edit.notDraft");
        assertThat(accounts.runAs(author, () -> articles.get(a.id())).title()).isEqualTo("范围测试");

        TestOrganisation.Department other = org.department();
        String stranger = fixtures.person(other, "外单位", Role.GENERAL_SECRETARY);
        assertThatThrownBy(() -> accounts.runAs(stranger, () -> articles.review(a.id(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(state(a.id())).isEqualTo(ArticleState.SUBMITTED);
        // Nor may a writer put an article in a unit outside their scope.
        assertThatThrownBy(() -> accounts.runAs(stranger, () -> articles.create(new ArticleForm("x", null, null,
                BodyFormat.MARKDOWN, "正文", dept.studentsBranch().id(), null, null, List.of()))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void withdrawingTakesItOffTheSite() {
        long id = fixtures.draft(author, dept.studentsBranch().id(), "撤回测试").id();
        fixtures.approve(id, author, reviewer, approver);
        accounts.runAs(publisher, () -> articles.publish(id));
        assertThat(site.article(String.valueOf(id))).isPresent();
        refused(approver, () -> articles.withdraw(id, "错误"), "article.step.notAllowed", id, ArticleState.PUBLISHED);
        accounts.runAs(publisher, () -> articles.withdraw(id, "内容有误"));
        assertThat(site.article(String.valueOf(id))).isEmpty();
        assertThat(state(id)).isEqualTo(ArticleState.DRAFT);
    }

    @Test
    void theBodyIsSanitisedWhenSaved() {
        long image = fixtures.image(author);
        ArticleView a = accounts.runAs(author, () -> articles.create(new ArticleForm("清理测试", "clean-test-"
                + System.nanoTime() % 100000, null, BodyFormat.HTML,
                "<p onclick=\"alert(1)\">正文<script>alert(2)</script><img src=\"https://evil.example/x.png\">"
                        + "<img src=\"/files/" + image + "\"><a href=\"javascript:alert(3)\">链接</a></p>",
                dept.studentsBranch().id(), null, "", List.of())));
        assertThat(a.bodyHtml()).doesNotContain("onclick", "script", "evil.example", "javascript")
                .contains("src=\"/files/" + image + "\"");
        String stored = jdbc.sql("select body_html from article where id = :id").param("id", a.id())
                .query(String.class).single();
        assertThat(stored).isEqualTo(a.bodyHtml());
        // An image of the file store that does not exist is refused.
        assertThatThrownBy(() -> accounts.runAs(author, () -> articles.create(new ArticleForm("图片", null, null,
                BodyFormat.MARKDOWN, "![x](/files/999999999)", dept.studentsBranch().id(), null, null, List.of()))))
                .isInstanceOf(InvalidInputException.class);
    }

    private void refused(String username, Runnable step, String key, long id, ArticleState unchanged) {
        assertThatThrownBy(() -> accounts.runAs(username, step)).isInstanceOf(UserFacingException.class)
                .extracting("messageKey").isEqualTo(key);
        assertThat(state(id)).isEqualTo(unchanged);
    }

    private ArticleState state(long id) {
        return ArticleState.valueOf(jdbc.sql("select state from article where id = :id").param("id", id)
                .query(String.class).single());
    }

    private long audited(long id, String outcome) {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'article' and object_id = :id and outcome = :o")
                .param("id", String.valueOf(id)).param("o", outcome).query(Long.class).single();
    }
}
