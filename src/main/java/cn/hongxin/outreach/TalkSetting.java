package cn.hongxin.outreach;

/** Where a health talk reached its audience: on campus (进校园) or in the community (进社区). */
public enum TalkSetting {
    CAMPUS, COMMUNITY
}
