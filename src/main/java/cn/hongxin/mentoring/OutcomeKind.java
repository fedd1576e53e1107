package cn.hongxin.mentoring;

/** Why a pair was closed: the student improved, the difficulty was resolved, graduated, moved, or otherwise. */
public enum OutcomeKind {
    IMPROVED, RESOLVED, GRADUATED, TRANSFERRED, OTHER
}
