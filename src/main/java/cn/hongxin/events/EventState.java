package cn.hongxin.events;

/** planned → under way → done; planned or under way → cancelled. */
public enum EventState {
    PLANNED, UNDER_WAY, DONE, CANCELLED;

    boolean open() {
        return this == PLANNED || this == UNDER_WAY;
    }
}
