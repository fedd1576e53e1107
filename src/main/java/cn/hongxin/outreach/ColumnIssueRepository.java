package cn.hongxin.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ColumnIssueRepository extends JpaRepository<ColumnIssue, Long> {

    @Query("select i from ColumnIssue i where i.unitPath like concat(:prefix, '%') and i.issueDate >= :from"
            + " and i.issueDate <= :to order by i.issueDate asc, i.id asc")
    List<ColumnIssue> findUnderBetween(@Param("prefix") String prefix, @Param("from") LocalDate from,
                                       @Param("to") LocalDate to);

    Optional<ColumnIssue> findByUnitIdAndIssueNo(long unitId, String issueNo);
}
