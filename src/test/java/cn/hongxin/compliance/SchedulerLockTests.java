package cn.hongxin.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** ShedLock's table and provider work on the database: a job's lock is held by one caller at a time. */
@IntegrationTest
class SchedulerLockTests {

    @Autowired
    LockProvider locks;

    @Test
    void aLockIsHeldOnceUntilReleased() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Optional<SimpleLock> first = locks.lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5),
                Duration.ZERO));
        assertThat(first).isPresent();
        assertThat(locks.lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO)))
                .as("a second instance does not get the lock while it is held").isEmpty();
        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5),
                Duration.ZERO));
        assertThat(again).isPresent();
        again.get().unlock();
    }
}
