package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.EvidenceSelector;
import cn.hongxin.brand.ProgrammeCatalog;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.ScopeFilter;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.publishing.ArticlePublished;
import cn.hongxin.publishing.ArticleUnpublished;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published articles as evidence: one row per article even when its event is delivered twice, removed on
 * withdrawal, and counted by the default programme's WECHAT_ARTICLES_MONTHLY (the organisation counts the
 * articles of every unit inside it, four a month).
 */
@IntegrationTest
class PublishingEvidenceTests {

    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    ComplianceEngine engine;
    @Autowired
    ProgrammeCatalog catalog;
    @Autowired
    TestOrganisation org;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anArticleCountsOnceEvenIfDeliveredTwiceAndNoMoreOnceWithdrawn() {
        long article = newId();
        ArticlePublished published = new ArticlePublished(article, 77L, 12L, LocalDate.of(2091, 10, 9));
        fixtures.publishAndWait(article, published);
        fixtures.publishAndWait(article, published);
        assertThat(fixtures.evidenceRows(SourceKind.ARTICLE, article)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select kind || '/' || type_code || '/' || subject_kind || '/' || subject_id from evidence
                        where source_kind = 'ARTICLE' and source_id = :id""")
                .param("id", article).query(String.class).single()).isEqualTo("ARTICLE_PUBLISHED/WECHAT/U/77");

        fixtures.publishAndWait(article, new ArticleUnpublished(article));
        fixtures.publishAndWait(article, new ArticleUnpublished(article));
        assertThat(fixtures.evidenceRows(SourceKind.ARTICLE, article)).isZero();
    }

    @Test
    void theDefaultProgrammesMonthlyWeChatRequirementShowsProgress() {
        fixtures.semester();
        TestOrganisation.Department dept = org.department();
        RequirementDefinition programme = catalog.measures().stream().flatMap(m -> m.requirements().stream())
                .filter(r -> r.code().equals("WECHAT_ARTICLES_MONTHLY")).findFirst().orElseThrow();
        assertThat(programme.subject()).isEqualTo(SubjectKind.ORGANISATION);
        assertThat(programme.quantity()).isEqualTo(QuantityKind.COUNT);
        assertThat(programme.threshold()).isEqualByComparingTo("4");
        assertThat(programme.evidence()).containsExactly(new EvidenceSelector(EvidenceKind.ARTICLE_PUBLISHED, "WECHAT"));
        // The same requirement, scoped to this test's general branch instead of the whole organisation.
        RequirementDefinition wechat = new RequirementDefinition(programme.id(), programme.measureId(),
                programme.code(), programme.nameZh(), programme.nameEn(), programme.subject(),
                ScopeFilter.everyone(dept.generalBranch().id()), programme.quantity(), programme.threshold(),
                programme.period(), programme.window(), programme.evidence());

        LocalDate asOf = LocalDate.of(2091, 10, 20);
        publish(dept.studentsBranch().id(), LocalDate.of(2091, 10, 3));
        publish(dept.teachersBranch().id(), LocalDate.of(2091, 10, 10));
        publish(dept.generalBranch().id(), LocalDate.of(2091, 10, 15));
        publish(dept.studentsBranch().id(), LocalDate.of(2091, 9, 28));   // September: another month

        SubjectVerdict behind = engine.evaluate(wechat, dept.generalBranch().id(), asOf).orElseThrow()
                .subjects().stream().filter(s -> s.subjectId() == dept.generalBranch().id()).findFirst().orElseThrow();
        assertThat(behind.count()).isEqualTo(3);
        assertThat(behind.progress()).isEqualByComparingTo(new BigDecimal("3"));
        assertThat(behind.verdict()).isEqualTo(Verdict.BEHIND);

        publish(dept.studentsBranch().id(), LocalDate.of(2091, 10, 18));
        SubjectVerdict met = engine.evaluate(wechat, dept.generalBranch().id(), asOf).orElseThrow()
                .subjects().stream().filter(s -> s.subjectId() == dept.generalBranch().id()).findFirst().orElseThrow();
        assertThat(met.count()).isEqualTo(4);
        assertThat(met.verdict()).isEqualTo(Verdict.MET);
    }

    private void publish(long unitId, LocalDate date) {
        long article = newId();
        fixtures.publishAndWait(article, new ArticlePublished(article, unitId, null, date));
    }
}
