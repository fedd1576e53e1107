package cn.hongxin.outreach;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One move of a column piece between states. */
@Entity
@Table(name = "column_piece_log")
class ColumnPieceLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long pieceId;
    @Enumerated(EnumType.STRING)
    private PieceState fromState;
    @Enumerated(EnumType.STRING)
    private PieceState toState;
    private String reason;
    private String actor;
    private Instant loggedAt;

    protected ColumnPieceLog() {
    }

    ColumnPieceLog(long pieceId, PieceState fromState, PieceState toState, String reason, String actor) {
        this.pieceId = pieceId;
        this.fromState = fromState;
        this.toState = toState;
        this.reason = reason;
        this.actor = actor;
        this.loggedAt = Instant.now();
    }

    PieceLogView toView() {
        return new PieceLogView(fromState, toState, reason, actor, loggedAt);
    }
}
