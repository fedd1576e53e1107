package cn.hongxin.outreach;

import java.time.Instant;

/** One step in a column piece's history; {@code fromState} is null for its creation. */
public record PieceLogView(PieceState fromState, PieceState toState, String reason, String actor, Instant at) {
}
