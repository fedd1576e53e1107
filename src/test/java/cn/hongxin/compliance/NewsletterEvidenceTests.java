package cn.hongxin.compliance;

import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.ScopeFilter;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.newsletter.NewsletterIssued;
import cn.hongxin.newsletter.NewsletterService;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.compliance.ComplianceFixtures.requirement;
import static cn.hongxin.compliance.ComplianceFixtures.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issued newsletter counts once for its publishing unit (NEWSLETTER_ISSUED, subject the unit), however often
 * the event is delivered, and moves a one-a-month newsletter requirement of the organisation (the shape of the
 * default programme's NEWSLETTER_MONTHLY, which the demo test checks on the real programme).
 */
@IntegrationTest
class NewsletterEvidenceTests {

    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    ComplianceEngine engine;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    NewsletterService newsletters;

    TestOrganisation.Department dept;
    String editor;
    String signer;

    @BeforeEach
    void organisation() {
        fixtures.semester();
        dept = org.department();
        editor = accounts.create("nl-editor", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());
        signer = accounts.create("nl-signer", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
    }

    long issued(LocalDate on) {
        long id = accounts.runAs(editor, () -> newsletters.draftFromPeriod(dept.generalBranch().id(),
                on.withDayOfMonth(1), on));
        accounts.runAs(editor, () -> {
            newsletters.addItem(newsletters.get(id).sections().get(0).id(), "支部工作动态", "正文");
            newsletters.submit(id);
        });
        accounts.runAs(signer, () -> newsletters.issue(id, on));
        return id;
    }

    @Test
    void anIssuedNewsletterCountsOnceForItsUnitEvenWhenDeliveredTwice() {
        LocalDate day = LocalDate.of(2091, 10, 15);
        long id = issued(day);
        ComplianceFixtures.await("newsletter evidence", () -> fixtures.evidenceRows(SourceKind.NEWSLETTER_ISSUE, id) == 1
                && fixtures.incompletePublications(id) == 0);

        fixtures.publishAndWait(id, new NewsletterIssued(id, dept.generalBranch().id(), day));
        assertThat(fixtures.evidenceRows(SourceKind.NEWSLETTER_ISSUE, id)).isEqualTo(1);

        RequirementDefinition monthly = requirement("NEWSLETTER_MONTHLY", SubjectKind.ORGANISATION,
                ScopeFilter.everyone(dept.generalBranch().id()), QuantityKind.COUNT, "1", PeriodKind.MONTH, null,
                select(EvidenceKind.NEWSLETTER_ISSUED, null));
        assertThat(engine.evidence(monthly, engine.periodOf(monthly, day).orElseThrow(), SubjectType.UNIT,
                dept.generalBranch().id(), day.plusDays(1))).singleElement().satisfies(e -> {
                    assertThat(e.sourceId()).isEqualTo(id);
                    assertThat(e.subjectId()).isEqualTo(dept.generalBranch().id());
                });
        assertThat(verdict(monthly, LocalDate.of(2091, 10, 20))).isEqualTo(Verdict.MET);
        // November has no issue yet: behind while the month runs
        assertThat(verdict(monthly, LocalDate.of(2091, 11, 20))).isEqualTo(Verdict.BEHIND);
        long november = issued(LocalDate.of(2091, 11, 21));
        ComplianceFixtures.await("november evidence", () -> fixtures.evidenceRows(SourceKind.NEWSLETTER_ISSUE, november) == 1);
        assertThat(verdict(monthly, LocalDate.of(2091, 11, 22))).isEqualTo(Verdict.MET);
    }

    Verdict verdict(RequirementDefinition r, LocalDate asOf) {
        return engine.evaluate(r, engine.periodOf(r, asOf).orElseThrow(), dept.generalBranch().id(), asOf)
                .verdictOf(SubjectType.UNIT, dept.generalBranch().id());
    }
}
