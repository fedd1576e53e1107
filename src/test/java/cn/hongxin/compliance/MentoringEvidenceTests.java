package cn.hongxin.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.Yaml;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.EvidenceSelector;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.ProgrammeService;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.ScopeFilter;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.mentoring.CheckInRecorded;
import cn.hongxin.mentoring.CheckInView;
import cn.hongxin.mentoring.HelpMode;
import cn.hongxin.mentoring.HelpRecordLogged;
import cn.hongxin.mentoring.HelpRecordView;
import cn.hongxin.mentoring.MentoringFixtures;
import cn.hongxin.mentoring.MentoringService;
import cn.hongxin.mentoring.NewCheckIn;
import cn.hongxin.mentoring.NewHelpRecord;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help records and check-ins reach the evidence ledger through the mentoring module's events, once each however
 * often an event is delivered, and the default programme's HELP_RECORDS_MONTHLY moves for the pair's lead.
 */
@IntegrationTest
class MentoringEvidenceTests {

    @Autowired
    MentoringFixtures mentoringFixtures;
    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    MentoringService mentoring;
    @Autowired
    ComplianceEngine engine;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    /** HELP_RECORDS_MONTHLY as the default programme's template defines it, scoped to this test's teachers' branch. */
    @SuppressWarnings("unchecked")
    static RequirementDefinition helpRecordsMonthly(long teachersBranchId) throws IOException {
        Map<String, Object> doc;
        try (InputStream in = MentoringEvidenceTests.class.getClassLoader()
                .getResourceAsStream(ProgrammeService.DEFAULT_TEMPLATE)) {
            doc = new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Object> r = ((List<Map<String, Object>>) doc.get("measures")).stream()
                .flatMap(m -> ((List<Map<String, Object>>) m.get("requirements")).stream())
                .filter(x -> "HELP_RECORDS_MONTHLY".equals(x.get("code"))).findFirst().orElseThrow();
        Map<String, Object> scope = (Map<String, Object>) r.get("scope");
        assertThat(scope.get("unit")).isEqualTo("TEACHERS_BRANCH");
        Set<PoliticalStatus> statuses = ((List<String>) scope.get("politicalStatuses")).stream()
                .map(PoliticalStatus::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(PoliticalStatus.class)));
        Set<PersonType> types = ((List<String>) scope.get("personTypes")).stream().map(PersonType::valueOf)
                .collect(Collectors.toSet());
        List<EvidenceSelector> evidence = ((List<Map<String, Object>>) r.get("evidence")).stream()
                .map(e -> new EvidenceSelector(EvidenceKind.valueOf((String) e.get("kind")), (String) e.get("type")))
                .toList();
        return new RequirementDefinition(ComplianceFixtures.newId(), 1L, "HELP_RECORDS_MONTHLY", (String) r.get("nameZh"),
                (String) r.get("nameEn"), SubjectKind.valueOf((String) r.get("subject")),
                new ScopeFilter(teachersBranchId, statuses, Set.of(), types), QuantityKind.valueOf((String) r.get("quantity")),
                new BigDecimal(String.valueOf(r.get("threshold"))), PeriodKind.valueOf((String) r.get("period")), null,
                evidence);
    }

    HelpRecordView log(String username, long pairId) {
        return accounts.runAs(username, () -> mentoring.logHelpRecord(pairId, new NewHelpRecord(
                UUID.randomUUID().toString(), MentoringService.today(), HelpMode.TALK, "宿舍走访，了解近况", null)));
    }

    void awaitEvidence(SourceKind source, long id, long rows) {
        ComplianceFixtures.await("evidence of " + source + " " + id, () -> fixtures.evidenceRows(source, id) == rows);
    }

    BigDecimal progress(RequirementDefinition help, long generalBranchId, long person) {
        LocalDate today = MentoringService.today();
        Period month = engine.periodOf(help, today).orElseThrow();
        return engine.evaluate(help, month, generalBranchId, today).subjects().stream()
                .filter(s -> s.subjectType() == SubjectType.PERSON && s.subjectId() == person)
                .map(SubjectVerdict::progress).findFirst().orElseThrow();
    }

    @Test
    void aHelpRecordCountsForTheLeadWhoeverWroteItAndTheMonthlyRequirementMoves() throws Exception {
        MentoringFixtures.Cast c = mentoringFixtures.cast();
        long pairId = mentoringFixtures.pair(c, 10);
        RequirementDefinition help = helpRecordsMonthly(c.dept().teachersBranch().id());
        long general = c.dept().generalBranch().id();
        LocalDate today = MentoringService.today();
        assertThat(help.threshold()).isEqualByComparingTo("2");
        assertThat(progress(help, general, c.lead())).isEqualByComparingTo("0");
        assertThat(engine.checklist(c.lead(), List.of(help), today)).singleElement()
                .satisfies(i -> assertThat(i.verdict()).isNotEqualTo(Verdict.MET));

        HelpRecordView byPartner = log(c.partnerAccount(), pairId);
        awaitEvidence(SourceKind.HELP_RECORD, byPartner.id(), 1);
        assertThat(progress(help, general, c.lead())).isEqualByComparingTo("1");
        assertThat(engine.checklist(c.partner(), List.of(help), today)).as("the non-member is not asked").isEmpty();

        HelpRecordView byLead = log(c.leadAccount(), pairId);
        awaitEvidence(SourceKind.HELP_RECORD, byLead.id(), 1);
        assertThat(progress(help, general, c.lead())).isEqualByComparingTo("2");
        assertThat(engine.checklist(c.lead(), List.of(help), today)).singleElement().satisfies(i -> {
            assertThat(i.progress()).isEqualByComparingTo("2");
            assertThat(i.verdict()).isEqualTo(Verdict.MET);
        });
        assertThat(progress(help, general, c.otherTeacher())).as("another teacher's count").isEqualByComparingTo("0");

        // The author deletes one: it counts no more.
        accounts.runAs(c.leadAccount(), () -> mentoring.deleteHelpRecord(byLead.id()));
        awaitEvidence(SourceKind.HELP_RECORD, byLead.id(), 0);
        assertThat(progress(help, general, c.lead())).isEqualByComparingTo("1");
    }

    @Test
    void evidenceIsRecordedOnceEvenWhenAnEventIsDeliveredTwice() {
        MentoringFixtures.Cast c = mentoringFixtures.cast();
        long pairId = mentoringFixtures.pair(c, 10);
        LocalDate today = MentoringService.today();
        HelpRecordView record = log(c.leadAccount(), pairId);
        awaitEvidence(SourceKind.HELP_RECORD, record.id(), 1);
        fixtures.publishAndWait(record.id(), new HelpRecordLogged(record.id(), pairId, c.lead(), today));
        fixtures.publishAndWait(record.id(), new HelpRecordLogged(record.id(), pairId, c.lead(), today));
        assertThat(fixtures.evidenceRows(SourceKind.HELP_RECORD, record.id())).isEqualTo(1);
        assertThat(jdbc.sql("select subject_id from evidence where source_kind = 'HELP_RECORD' and source_id = :id")
                .param("id", record.id()).query(Long.class).single()).isEqualTo(c.lead());

        CheckInView checkIn = accounts.runAs(c.partnerAccount(), () -> mentoring.recordCheckIn(pairId, new NewCheckIn(
                UUID.randomUUID().toString(), today, 4, 3, 4, null)));
        assertThat(checkIn.score()).isEqualByComparingTo("3.67");
        awaitEvidence(SourceKind.CHECK_IN, checkIn.id(), 1);
        fixtures.publishAndWait(checkIn.id(), new CheckInRecorded(checkIn.id(), pairId, c.student(), today,
                checkIn.score()));
        assertThat(fixtures.evidenceRows(SourceKind.CHECK_IN, checkIn.id())).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("""
                        select kind, subject_kind, subject_id, quantity from evidence
                        where source_kind = 'CHECK_IN' and source_id = :id""")
                .param("id", checkIn.id()).query().singleRow();
        assertThat(row.get("kind")).isEqualTo("CHECK_IN");
        assertThat(row.get("subject_kind")).isEqualTo("P");
        assertThat(((Number) row.get("subject_id")).longValue()).isEqualTo(c.student());
        assertThat(new BigDecimal(row.get("quantity").toString())).isEqualByComparingTo("3.67");
    }
}
