package cn.hongxin.events;

/** What a calendar feed lists: the events a person is invited to, or the events of an org unit's subtree. */
public enum CalendarFeedScope {
    PERSON, ORG_UNIT
}
