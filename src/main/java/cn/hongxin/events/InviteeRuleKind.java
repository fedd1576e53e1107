package cn.hongxin.events;

/**
 * How invitees were chosen: people in an org unit's subtree, narrowed by political status and by post when
 * those rules are present, plus people named one by one.
 */
public enum InviteeRuleKind {
    UNIT, STATUS, POST, PERSON
}
