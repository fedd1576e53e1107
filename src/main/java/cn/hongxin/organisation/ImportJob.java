package cn.hongxin.organisation;

import java.time.Instant;
import java.util.List;

/**
 * One upload being imported, as the progress panel shows it. Held in memory only (see
 * {@link ImportJobs}); written by the worker thread and read by the polling requests.
 */
final class ImportJob {

    /** 排队中, 校验中, 写入中, 完成, 失败. */
    enum Phase {
        QUEUED, VALIDATING, WRITING, DONE, FAILED;

        boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    private final String id;
    private final String owner;
    private final String fileName;
    private final Instant createdAt = Instant.now();
    private volatile Phase phase = Phase.QUEUED;
    private volatile int total;
    private volatile int processed;
    private volatile int imported;
    private volatile List<ImportProblem> problems = List.of();
    private volatile int problemCount;
    private volatile String failureKey;
    private volatile long validateMillis;
    private volatile long writeMillis;
    private volatile Instant finishedAt;

    ImportJob(String id, String owner, String fileName) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
    }

    void validating(int rows) {
        total = rows;
        processed = 0;
        phase = Phase.VALIDATING;
    }

    void writing(long validateMillis) {
        this.validateMillis = validateMillis;
        processed = 0;
        phase = Phase.WRITING;
    }

    void progress(int processed) {
        this.processed = processed;
    }

    /** Some rows (or the file itself) are wrong: nothing was written. */
    void rejected(List<ImportProblem> problems, int problemCount, long validateMillis) {
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
        this.validateMillis = validateMillis;
        finish(Phase.FAILED);
    }

    void done(int imported, long writeMillis) {
        this.imported = imported;
        this.writeMillis = writeMillis;
        this.processed = total;
        finish(Phase.DONE);
    }

    /** The import broke off (a conflict while writing, an unreadable file): nothing was written. */
    void failed(String failureKey) {
        this.failureKey = failureKey;
        finish(Phase.FAILED);
    }

    private void finish(Phase phase) {
        finishedAt = Instant.now();
        this.phase = phase;
    }

    String id() { return id; }
    String owner() { return owner; }
    String fileName() { return fileName; }
    Instant createdAt() { return createdAt; }
    Phase phase() { return phase; }
    int total() { return total; }
    int processed() { return processed; }
    int imported() { return imported; }
    List<ImportProblem> problems() { return problems; }
    int problemCount() { return problemCount; }
    String failureKey() { return failureKey; }
    long validateMillis() { return validateMillis; }
    long writeMillis() { return writeMillis; }
    Instant finishedAt() { return finishedAt; }

    boolean finished() {
        return phase.finished();
    }

    /** The first problems, for the page (the error report has them all). */
    List<ImportProblem> firstProblems(int n) {
        List<ImportProblem> p = problems;
        return p.size() <= n ? p : p.subList(0, n);
    }

    /** Whether the stored problems are fewer than those found. */
    boolean problemsTruncated() {
        return problemCount > problems.size();
    }

    int percent() {
        if (phase == Phase.DONE) {
            return 100;
        }
        int t = total;
        return t == 0 ? 0 : (int) Math.min(100, (long) processed * 100 / t);
    }
}
