package cn.hongxin.setup;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.mentoring.MentoringLedger;
import cn.hongxin.mentoring.MentoringLedgerRow;
import cn.hongxin.mentoring.MentoringService;
import cn.hongxin.mentoring.MyMentoring;
import cn.hongxin.mentoring.PairDetail;
import cn.hongxin.mentoring.PairState;
import cn.hongxin.security.AccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo department's mentoring pairs (on a database of its own): seven pairs of one office's two teachers with a
 * student, a half semester of help records and check-ins improving for most, one pair closed, the teachers'
 * branch secretary leading one, and the help records in the evidence ledger for the leads.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:mentoring-demo;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMentoringTests {

    static final String PASSWORD = "Setup-Passw0rd!";

    @Autowired
    SetupService setup;
    @Autowired
    AccountService accounts;
    @Autowired
    MentoringLedger ledger;
    @Autowired
    MentoringService mentoring;
    @Autowired
    JdbcClient jdbc;

    List<DemoAccount> demo;

    @BeforeAll
    void loadDemo() {
        demo = setup.run(new SetupForm("某某医科大学委员会", "admin", "管理员", PASSWORD, PASSWORD, true)).demoAccounts();
    }

    String username(String role) {
        return demo.stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow().username();
    }

    @Test
    void theDemoHasRealisticPairs() {
        List<MentoringLedgerRow> rows = accounts.runAs(username("GENERAL_SECRETARY"), ledger::visibleRows);
        assertThat(rows).hasSize(7);
        assertThat(rows).filteredOn(r -> r.state() == PairState.CLOSED).hasSize(1);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.helpRecordsByMonth().stream().mapToInt(MentoringLedgerRow.MonthCount::count).sum())
                    .isGreaterThanOrEqualTo(3);
            assertThat(r.checkIns()).isGreaterThanOrEqualTo(2);
            assertThat(r.lastScore()).isGreaterThanOrEqualTo(r.firstScore());
        });
        assertThat(rows).filteredOn(r -> r.lastScore().compareTo(r.firstScore()) > 0).hasSizeGreaterThanOrEqualTo(5);

        // The teachers' branch secretary leads one and reads its file.
        MyMentoring mine = accounts.runAs(username("BRANCH_SECRETARY"), mentoring::mine);
        assertThat(mine.teaching()).isNotEmpty();
        PairDetail detail = accounts.runAs(username("BRANCH_SECRETARY"),
                () -> mentoring.detail(mine.teaching().get(0).id()));
        assertThat(detail.helpRecords()).isNotEmpty().allSatisfy(h -> assertThat(h.content()).isNotBlank());
        assertThat(detail.canWrite()).isTrue();

        // Every help record reaches the ledger for its pair's lead.
        long records = jdbc.sql("select count(*) from mentoring_help_record").query(Long.class).single();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long evidence = 0;
        while (System.nanoTime() < deadline) {
            evidence = jdbc.sql("""
                            select count(*) from evidence e join mentoring_help_record h on h.id = e.source_id
                            join mentoring_pair p on p.id = h.pair_id
                            where e.source_kind = 'HELP_RECORD' and e.kind = 'HELP_RECORD' and e.subject_id = p.lead_person_id""")
                    .query(Long.class).single();
            if (evidence == records) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(evidence).isEqualTo(records);
    }
}
