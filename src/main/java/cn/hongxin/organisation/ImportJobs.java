package cn.hongxin.organisation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.UserFacingException;

/**
 * Runs people imports in the background, one at a time (the server has few cores and an import keeps
 * one busy), each as the account that uploaded it.
 *
 * <p>Limitation: jobs live in this JVM's memory only, for {@link #KEEP} after they finish. A restart
 * loses them (an import cut off by a restart has written nothing, as its transaction never
 * committed), and with several application instances the progress page must reach the instance that
 * took the upload (sticky sessions).
 */
@Component
class ImportJobs implements DisposableBean {

    static final Duration KEEP = Duration.ofHours(1);
    private static final int QUEUE = 8;

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final PersonImporter importer;
    private final DataScope scope;
    private final ThreadPoolExecutor executor;

    private final Path uploads;

    ImportJobs(PersonImporter importer, DataScope scope, @Value("${hongxin.data-dir}") String dataDir)
            throws IOException {
        this.importer = importer;
        this.scope = scope;
        this.uploads = Path.of(dataDir, "import-uploads").toAbsolutePath();
        Files.createDirectories(uploads);
        // Uploads hold ID numbers in clear: whatever a crash left behind goes at start-up.
        try (var leftovers = Files.list(uploads)) {
            leftovers.forEach(ImportJobs::delete);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "people-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A new, empty file for an upload, in the data directory (not the shared /tmp). */
    Path newUploadFile() throws IOException {
        return Files.createTempFile(uploads, "upload-", ".xlsx");
    }

    /**
     * Queues the import of an uploaded file, which this job then owns (and deletes when done). Runs
     * with a copy of the caller's security context, so data scope and audit are the uploader's.
     */
    ImportJob start(Path file, String fileName) {
        CurrentUser user = scope.require(Permission.PERSON_IMPORT);
        evictExpired();
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), user.username(), fileName);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Runnable work = () -> {
            try {
                importer.run(job, file);
            } finally {
                delete(file);
            }
        };
        jobs.put(job.id(), job);
        try {
            executor.execute(new DelegatingSecurityContextRunnable(work, context));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id());
            delete(file);
            throw new UserFacingException("import.busy");
        }
        return job;
    }

    /** The caller's own job; another account's job is "not found". */
    Optional<ImportJob> find(String id) {
        CurrentUser user = scope.require(Permission.PERSON_IMPORT);
        evictExpired();
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().equals(user.username()));
    }

    private void evictExpired() {
        Instant limit = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> j.finished() && j.finishedAt() != null && j.finishedAt().isBefore(limit));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete uploaded file {}", file, e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
