package cn.hongxin.events;

/** The three topic kinds of the Wednesday Lecture Hall, in the order they rotate: 党课, 党的理论思想, 党风党纪. */
public enum LectureTopic {
    PARTY_LECTURE, THEORY, DISCIPLINE;

    /** The topic {@code steps} lectures after this one. */
    public LectureTopic plus(int steps) {
        LectureTopic[] all = values();
        return all[Math.floorMod(ordinal() + steps, all.length)];
    }
}
