package cn.hongxin.compliance;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Operations on the evidence tally for whoever runs the system (see docs/operations.md): rebuilding it after
 * evidence was written around the ledger (a bulk load, a repair by hand) and comparing it with the evidence.
 * Started with the property hongxin.compliance.rebuild-tally=true (for instance
 * {@code java -jar hongxin.jar --hongxin.compliance.rebuild-tally=true}), the application rebuilds the tally once
 * as it starts, before it serves requests. No permission is checked: no page or API reaches it.
 */
@Service
public class EvidenceTallyOperations implements ApplicationRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvidenceTallyOperations.class);

    private final EvidenceLedger ledger;
    private final Environment environment;

    EvidenceTallyOperations(EvidenceLedger ledger, Environment environment) {
        this.ledger = ledger;
        this.environment = environment;
    }

    /** Rebuilds the tally from the evidence in one statement; returns its number of rows. */
    public long rebuild() {
        return ledger.rebuildTally();
    }

    /** The differences between the tally and the evidence counted afresh (at most 20); none when they agree. */
    public List<String> differences() {
        return ledger.tallyDifferences();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.getProperty("hongxin.compliance.rebuild-tally", Boolean.class, false)) {
            long started = System.nanoTime();
            long rows = rebuild();
            log.info("evidence tally rebuilt on start (hongxin.compliance.rebuild-tally): {} rows in {} ms", rows,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
