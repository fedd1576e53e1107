package cn.hongxin.outreach;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ColumnPieceRepository extends JpaRepository<ColumnPiece, Long> {

    List<ColumnPiece> findByIssueIdInOrderByIdAsc(Collection<Long> issueIds);

    List<ColumnPiece> findByFileId(long fileId);

    @Query("select p from ColumnPiece p where p.state = cn.hongxin.outreach.PieceState.PUBLISHED"
            + " and p.unitPath like concat(:prefix, '%') and p.publishedOn >= :from and p.publishedOn <= :to"
            + " order by p.publishedOn asc, p.id asc")
    List<ColumnPiece> findPublishedUnderBetween(@Param("prefix") String prefix, @Param("from") LocalDate from,
                                                @Param("to") LocalDate to);
}
