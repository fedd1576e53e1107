package cn.hongxin.submissions;

/** What a member hands in as evidence of an activity. */
public enum SubmissionKind {
    /** 读书笔记: book, author, note. */
    READING_NOTE,
    /** 手绘海报: a photo, for the 七一 or 十一 window. */
    POSTER,
    /** 红色征文: the text, or a document. */
    ESSAY,
    /** 诗歌朗诵: the poem's title and the day it was recited, confirmed by a committee member. */
    POEM,
    /** 志愿服务时长: hours on a day, with what was done. */
    VOLUNTEER_HOURS
}
