package cn.hongxin.outreach;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ColumnPieceLogRepository extends JpaRepository<ColumnPieceLog, Long> {

    List<ColumnPieceLog> findByPieceIdOrderByIdAsc(long pieceId);
}
