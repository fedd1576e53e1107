package cn.hongxin.outreach;

import java.util.Set;

/**
 * Where a column piece stands: planned (选题已定，作者已约), written (稿件已交), published (已见报). Forward one step at a
 * time; back one step with a reason (a written piece sent back for rework, a published piece withdrawn).
 */
public enum PieceState {
    PLANNED, WRITTEN, PUBLISHED;

    /** The states this one may move to. */
    public Set<PieceState> next() {
        return switch (this) {
            case PLANNED -> Set.of(WRITTEN);
            case WRITTEN -> Set.of(PLANNED, PUBLISHED);
            case PUBLISHED -> Set.of(WRITTEN);
        };
    }

    /** Whether moving from this state to {@code target} is a step back (which needs a reason). */
    public boolean isBackTo(PieceState target) {
        return target.ordinal() < ordinal();
    }
}
