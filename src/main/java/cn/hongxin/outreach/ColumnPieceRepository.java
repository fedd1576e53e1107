package cn.hongxin.outreach;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ColumnPieceRepository extends JpaRepository<ColumnPiece, Long> {

    List<ColumnPiece> findByIssueIdInOrderByIdAsc(Collection<Long> issueIds);

    List<ColumnPiece> findByFileId(long fileId);
}
