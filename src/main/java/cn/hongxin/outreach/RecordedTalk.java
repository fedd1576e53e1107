package cn.hongxin.outreach;

/** The outcome of recording a talk: the talk, and whether this call recorded it (false for a repetition). */
public record RecordedTalk(TalkView talk, boolean created) {
}
