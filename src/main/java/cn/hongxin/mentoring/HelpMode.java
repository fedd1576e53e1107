package cn.hongxin.mentoring;

/** How a help record's meeting took place: a talk, a home or dorm visit, online, or tutoring. */
public enum HelpMode {
    TALK, VISIT, ONLINE, TUTORING
}
