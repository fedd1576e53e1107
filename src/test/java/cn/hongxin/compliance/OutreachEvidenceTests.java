package cn.hongxin.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.brand.BrandForm;
import cn.hongxin.brand.BrandService;
import cn.hongxin.brand.MeasureView;
import cn.hongxin.brand.ProgrammeService;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.RequirementView;
import cn.hongxin.events.EventService;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.outreach.ColumnArticlePublished;
import cn.hongxin.outreach.ColumnArticleRetracted;
import cn.hongxin.outreach.ColumnIssueForm;
import cn.hongxin.outreach.ColumnIssueView;
import cn.hongxin.outreach.ColumnPieceForm;
import cn.hongxin.outreach.ColumnPieceView;
import cn.hongxin.outreach.ColumnService;
import cn.hongxin.outreach.HealthTalkReached;
import cn.hongxin.outreach.PieceMove;
import cn.hongxin.outreach.PieceState;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.compliance.ComplianceFixtures.await;
import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outreach module's evidence: column articles published and audiences reached reach the ledger once however
 * often they are delivered, and the default programme's monthly column quota is met by two published pieces.
 */
@IntegrationTest
class OutreachEvidenceTests {

    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    ComplianceEngine engine;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    BrandService brands;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    ColumnService column;
    @Autowired
    JdbcClient jdbc;

    BigDecimal quantity(SourceKind source, long id) {
        return jdbc.sql("select quantity from evidence where source_kind = :s and source_id = :id")
                .param("s", source.name()).param("id", id).query(BigDecimal.class).single();
    }

    @Test
    void columnArticlesAndAudiencesCountOnceEvenWhenDeliveredTwice() {
        long piece = newId();
        ColumnArticlePublished published = new ColumnArticlePublished(piece, 77L, 42L, LocalDate.of(2091, 10, 9));
        fixtures.publishAndWait(piece, published);
        fixtures.publishAndWait(piece, published);
        assertThat(fixtures.evidenceRows(SourceKind.COLUMN_ARTICLE, piece)).isEqualTo(1);
        assertThat(jdbc.sql("select type_code from evidence where source_kind = 'COLUMN_ARTICLE' and source_id = :id")
                .param("id", piece).query(String.class).single()).isEqualTo("HEALTH_COLUMN");

        ColumnArticleRetracted retracted = new ColumnArticleRetracted(piece);
        fixtures.publishAndWait(piece, retracted);
        fixtures.publishAndWait(piece, retracted);
        assertThat(fixtures.evidenceRows(SourceKind.COLUMN_ARTICLE, piece)).isZero();

        long talk = newId();
        fixtures.publishAndWait(talk, new HealthTalkReached(talk, 77L, LocalDate.of(2091, 10, 12), 120));
        fixtures.publishAndWait(talk, new HealthTalkReached(talk, 77L, LocalDate.of(2091, 10, 12), 120));
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, talk)).isEqualTo(1);
        fixtures.publishAndWait(talk, new HealthTalkReached(talk, 77L, LocalDate.of(2091, 10, 12), 135));
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, talk)).isEqualTo(1);
        assertThat(quantity(SourceKind.EVENT, talk)).isEqualByComparingTo("135");
        assertThat(jdbc.sql("select kind from evidence where source_kind = 'EVENT' and source_id = :id")
                .param("id", talk).query(String.class).single()).isEqualTo("AUDIENCE_REACHED");
    }

    @Test
    void twoPublishedPiecesInAMonthMeetTheDefaultProgrammesMonthlyColumnQuotaForTheTeachersBranch() throws IOException {
        TestOrganisation.Department dept = org.department();
        RequirementDefinition monthly = defaultRequirement(dept, "HEALTH_COLUMN_MONTHLY");
        assertThat(monthly.scope().orgUnitId()).isEqualTo(dept.teachersBranch().id());

        String secretary = accounts.create("jiaogong", EnumSet.of(Role.BRANCH_SECRETARY), dept.teachersBranch().id());
        long author = fixtures.teacher(dept, "宣讲团成员", PoliticalStatus.FULL_MEMBER, false);
        LocalDate today = LocalDate.now(EventService.ZONE);
        LocalDate first = today.withDayOfMonth(1);
        List<ColumnPieceView> pieces = accounts.runAs(secretary, () -> {
            ColumnIssueView issue = column.addIssue(new ColumnIssueForm(dept.teachersBranch().id(), "第1期", first, null));
            List<ColumnPieceView> made = new ArrayList<>();
            for (String topic : List.of("冬季心血管病预防", "考试季的心理调适")) {
                ColumnPieceView p = column.plan(new ColumnPieceForm(issue.id(), topic, author));
                column.attach(p.id(), topic + ".pdf", new java.io.ByteArrayInputStream(
                        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
                column.move(p.id(), new PieceMove(PieceState.WRITTEN, null, null, null));
                made.add(p);
            }
            return made;
        });
        Period month = engine.periodOf(monthly, today).orElseThrow();

        accounts.runAs(secretary, () -> column.move(pieces.get(0).id(),
                new PieceMove(PieceState.PUBLISHED, null, first, null)));
        await("first article", () -> fixtures.evidenceRows(SourceKind.COLUMN_ARTICLE, pieces.get(0).id()) == 1);
        assertThat(engine.evaluate(monthly, month, dept.generalBranch().id(), today)
                .verdictOf(SubjectType.UNIT, dept.teachersBranch().id())).isEqualTo(Verdict.BEHIND);

        accounts.runAs(secretary, () -> column.move(pieces.get(1).id(),
                new PieceMove(PieceState.PUBLISHED, null, today, null)));
        await("second article", () -> fixtures.evidenceRows(SourceKind.COLUMN_ARTICLE, pieces.get(1).id()) == 1);
        RequirementEvaluation met = engine.evaluate(monthly, month, dept.generalBranch().id(), today);
        assertThat(met.verdictOf(SubjectType.UNIT, dept.teachersBranch().id())).isEqualTo(Verdict.MET);
        // The students' branch wrote nothing: the quota is the teachers' branch's alone.
        assertThat(met.subjects()).extracting(SubjectVerdict::subjectId).containsExactly(dept.teachersBranch().id());

        // Withdrawn, one piece counts no more.
        accounts.runAs(secretary, () -> column.move(pieces.get(1).id(),
                new PieceMove(PieceState.WRITTEN, "数据需更新", null, null)));
        await("withdrawal", () -> fixtures.evidenceRows(SourceKind.COLUMN_ARTICLE, pieces.get(1).id()) == 0);
        assertThat(engine.evaluate(monthly, month, dept.generalBranch().id(), today)
                .verdictOf(SubjectType.UNIT, dept.teachersBranch().id())).isEqualTo(Verdict.BEHIND);
    }

    /**
     * The requirement as the default programme file defines it, loaded (its health measure only, with the file's own
     * lines) into an inactive brand of the test department, so that its unit roles resolve to this department.
     */
    RequirementDefinition defaultRequirement(TestOrganisation.Department dept, String code) throws IOException {
        String text;
        try (InputStream in = new ClassPathResource(ProgrammeService.DEFAULT_TEMPLATE).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        StringBuilder yaml = new StringBuilder();
        boolean inMeasures = false;
        boolean keep = true;
        for (String line : lines) {
            if (!inMeasures) {
                yaml.append(line).append('\n');
                inMeasures = line.equals("measures:");
                continue;
            }
            if (line.startsWith("  - code: ")) {
                keep = line.equals("  - code: HEALTH_FOR_ALL");
            } else if (line.startsWith("  #")) {
                continue;
            }
            if (keep) {
                yaml.append(line).append('\n');
            }
        }
        return accounts.runAs(org.admin(), () -> {
            long brand = brands.create(dept.generalBranch().id(), new BrandForm("健康你我他" + UUID.randomUUID(), null,
                    null, null, false)).id();
            programmes.importYaml(brand, yaml.toString());
            return programmes.programme(brand).measures().stream().map(MeasureView::requirements)
                    .flatMap(List::stream).filter(r -> r.code().equals(code)).findFirst()
                    .map(RequirementView::definition).orElseThrow();
        });
    }
}
