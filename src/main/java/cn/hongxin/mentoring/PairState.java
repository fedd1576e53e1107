package cn.hongxin.mentoring;

/** A pair is open until it is closed with an outcome. */
public enum PairState {
    OPEN, CLOSED
}
