package cn.hongxin.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the event publication registry records that a listener has run: in batches. Spring Modulith marks each
 * publication "processing" before its listener and "completed" after it, each in a transaction of its own, so a
 * QR sign-in cost four commits (its own, and three for its evidence listener) where the work needs two. Here the
 * repository Spring Modulith writes through is wrapped: "processing" is not written (the publication stays
 * incomplete, which is all a replay needs to know), and completions are queued and written together, in one
 * transaction, every {@code hongxin.events.completion-batch-millis} (100 ms) and when the application stops.
 * <p>
 * Safe because every listener is idempotent (ADR 0008): a completion lost in a crash leaves its publication
 * incomplete, and delivering it again changes nothing. Everything else goes to Spring Modulith's repository as
 * before.
 */
@Configuration(proxyBeanMethods = false)
class PublicationCompletionConfiguration {

    /** Not ordered: runs after the ordered post-processors, so it wraps the repository's transactional proxy. */
    @Bean
    static BeanPostProcessor batchedPublicationCompletions(ObjectProvider<PlatformTransactionManager> transactions,
                                                           @Value("${hongxin.events.completion-batch-millis:100}")
                                                           long millis) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventPublicationRepository repository && !(bean instanceof BatchedCompletions)) {
                    return new BatchedCompletions(repository, transactions, millis);
                }
                return bean;
            }
        };
    }

    /** Spring Modulith's repository, with "processing" left out and completions written in batches. */
    static final class BatchedCompletions implements EventPublicationRepository, DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(BatchedCompletions.class);

        private record Completion(UUID id, Instant at) {
        }

        private final EventPublicationRepository delegate;
        private final ObjectProvider<PlatformTransactionManager> transactions;
        private final ConcurrentLinkedQueue<Completion> queued = new ConcurrentLinkedQueue<>();
        private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "publication-completions");
            t.setDaemon(true);
            return t;
        });

        BatchedCompletions(EventPublicationRepository delegate, ObjectProvider<PlatformTransactionManager> transactions,
                           long millis) {
            this.delegate = delegate;
            this.transactions = transactions;
            flusher.scheduleWithFixedDelay(this::flushQuietly, millis, Math.max(millis, 1), TimeUnit.MILLISECONDS);
        }

        /** Not written: until completed, a publication is incomplete, whether its listener has started or not. */
        @Override
        public void markProcessing(UUID identifier) {
        }

        @Override
        public void markCompleted(UUID identifier, Instant completionDate) {
            queued.add(new Completion(identifier, completionDate));
        }

        /** Writes the queued completions in one transaction; returns how many. */
        synchronized int flush() {
            List<Completion> batch = new ArrayList<>();
            for (Completion c = queued.poll(); c != null; c = queued.poll()) {
                batch.add(c);
            }
            if (batch.isEmpty()) {
                return 0;
            }
            new TransactionTemplate(transactions.getObject()).executeWithoutResult(status ->
                    batch.forEach(c -> delegate.markCompleted(c.id(), c.at())));
            return batch.size();
        }

        private void flushQuietly() {
            try {
                flush();
            } catch (RuntimeException e) {
                // The publications stay incomplete and are delivered again later; their listeners are idempotent.
                log.warn("event publications could not be marked completed; they will be delivered again: {}",
                        e.getMessage());
            }
        }

        @Override
        public void destroy() {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flushQuietly();
        }

        // ---- everything else as Spring Modulith's repository does it ---------------------------------------

        @Override
        public TargetEventPublication create(TargetEventPublication publication) {
            return delegate.create(publication);
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
            delegate.markCompleted(event, identifier, completionDate);
        }

        @Override
        public void markFailed(UUID identifier) {
            delegate.markFailed(identifier);
        }

        @Override
        public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
            return delegate.markResubmitted(identifier, resubmissionDate);
        }

        @Override
        public List<TargetEventPublication> findIncompletePublications() {
            return delegate.findIncompletePublications();
        }

        @Override
        public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
            return delegate.findIncompletePublicationsPublishedBefore(instant);
        }

        @Override
        public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(
                Object event, PublicationTargetIdentifier targetIdentifier) {
            return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
        }

        @Override
        public List<TargetEventPublication> findCompletedPublications() {
            return delegate.findCompletedPublications();
        }

        @Override
        public void deletePublications(List<UUID> identifiers) {
            delegate.deletePublications(identifiers);
        }

        @Override
        public void deleteCompletedPublications() {
            delegate.deleteCompletedPublications();
        }

        @Override
        public void deleteCompletedPublicationsBefore(Instant instant) {
            delegate.deleteCompletedPublicationsBefore(instant);
        }

        @Override
        public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
            return delegate.findFailedPublications(criteria);
        }

        @Override
        public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
            return delegate.findByStatus(status);
        }

        @Override
        public int countByStatus(EventPublication.Status status) {
            return delegate.countByStatus(status);
        }
    }
}
