package cn.hongxin.compliance;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A group commit for evidence writes that arrive together (a meeting's members signing in at once): each caller
 * hands its write and waits; one of them runs every write queued at that moment in one transaction and commits
 * once, then releases them all. A write that fails spoils its batch; the batch is rolled back and each write is
 * run again in a transaction of its own, so one bad write never fails the others. A caller returns only after its
 * write has committed (or throws what failed it), so the listener's publication is marked completed only then.
 * <p>
 * Why: on H2 every commit writes every changed page to disk (ADR 1), and a listener transaction per sign-in made
 * the evidence listener about a fifth of a sign-in's CPU (docs/benchmarks.md). One batch runs at a time; the
 * writes of a batch run in the order they arrived.
 */
@Component
class EvidenceGroupCommit {

    private final TransactionTemplate transactions;
    private final Object lock = new Object();
    private final List<Write> queued = new ArrayList<>();
    private boolean committing;

    EvidenceGroupCommit(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One caller's write and what became of it. */
    private static final class Write {

        final Runnable work;
        boolean done;
        RuntimeException failure;

        Write(Runnable work) {
            this.work = work;
        }
    }

    /** Runs {@code work} in a transaction, perhaps shared with other writes queued at the same time. */
    void run(Runnable work) {
        Write mine = new Write(work);
        List<Write> batch;
        synchronized (lock) {
            queued.add(mine);
            while (!mine.done && committing) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the evidence batch", e);
                }
            }
            if (mine.done) {
                finish(mine);
                return;
            }
            committing = true;
            batch = new ArrayList<>(queued);
            queued.clear();
        }
        try {
            execute(batch);
        } finally {
            synchronized (lock) {
                for (Write w : batch) {
                    w.done = true;
                }
                committing = false;
                lock.notifyAll();
            }
        }
        finish(mine);
    }

    private static void finish(Write write) {
        if (write.failure != null) {
            throw write.failure;
        }
    }

    private void execute(List<Write> batch) {
        try {
            transactions.executeWithoutResult(status -> batch.forEach(w -> w.work.run()));
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).failure = e;
                return;
            }
        }
        for (Write w : batch) {
            try {
                transactions.executeWithoutResult(status -> w.work.run());
            } catch (RuntimeException e) {
                w.failure = e;
            }
        }
    }
}
