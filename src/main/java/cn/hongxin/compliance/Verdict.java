package cn.hongxin.compliance;

/** A subject's standing on a requirement in a period. */
public enum Verdict {
    /** The count or sum of evidence reaches the threshold. */
    MET,
    /** Not met yet and the window (or period) is open. */
    BEHIND,
    /** Not met and the window (or period) has closed. */
    MISSED,
    /** The window (or period) has not opened yet. */
    NOT_YET_DUE
}
