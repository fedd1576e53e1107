package cn.hongxin.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    @Query("select a from Account a where (:q = '' or lower(a.username) like lower(concat('%', :q, '%'))"
            + " or a.displayName like concat('%', :q, '%')) order by a.username")
    Page<Account> search(String q, Pageable pageable);

    /** Whether an enabled account holds the role ({@code roles} is a comma-separated list of role names). */
    @Query("select count(a) > 0 from Account a where a.enabled = true"
            + " and concat(',', a.roles, ',') like concat('%,', :role, ',%')")
    boolean anyEnabledWithRole(String role);

    /**
     * A successful login clears the failure count and any lock. A plain update without the version check, so
     * parallel logins of one account (an API client sending HTTP Basic on concurrent requests) never conflict.
     */
    @Modifying
    @Query("update Account a set a.failedAttempts = 0, a.lockedUntil = null, a.lastLoginAt = :now where a.id = :id")
    int loginSucceeded(long id, Instant now);
}
