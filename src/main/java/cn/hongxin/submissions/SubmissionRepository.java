package cn.hongxin.submissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubmissionRepository extends JpaRepository<Submission, Long>, JpaSpecificationExecutor<Submission> {

    Optional<Submission> findByPersonIdAndClientRequestId(long personId, String clientRequestId);

    List<Submission> findByPersonIdOrderByCreatedAtDescIdDesc(long personId);

    /** Hours already claimed (and not sent back) by a person on a day. */
    @Query("select coalesce(sum(s.hours), 0) from Submission s where s.personId = :personId"
            + " and s.kind = cn.hongxin.submissions.SubmissionKind.VOLUNTEER_HOURS"
            + " and s.activityDate = :day and s.state <> cn.hongxin.submissions.SubmissionState.REJECTED")
    BigDecimal hoursOn(@Param("personId") long personId, @Param("day") LocalDate day);
}
