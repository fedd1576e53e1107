package cn.hongxin.outreach;

/** A member's place in the health lecture team: 团长 (one per team), 副团长, 成员. */
public enum TeamRole {
    LEADER, DEPUTY, MEMBER
}
