package cn.hongxin.events;

/** A resolution's follow-up: open until the assignee's action is done. */
public enum ResolutionState {
    OPEN, DONE
}
