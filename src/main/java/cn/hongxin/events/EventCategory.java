package cn.hongxin.events;

/** What kind of thing an event type is; lectures publish {@link LectureGiven} when closed. */
public enum EventCategory {
    MEETING, LECTURE, ACTIVITY, CONTEST, VOLUNTEER, HEALTH_TALK, STANDARD;

    /** Lectures and health talks are open to everybody by default; an event may say otherwise. */
    public boolean walkInsByDefault() {
        return this == LECTURE || this == HEALTH_TALK;
    }
}
