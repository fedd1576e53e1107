package cn.hongxin.organisation;

/** Posts in a party organisation (党内职务). */
public enum PartyPost {
    SECRETARY, DEPUTY_SECRETARY, ORGANISATION_COMMITTEE, PROPAGANDA_COMMITTEE, DISCIPLINE_COMMITTEE,
    YOUTH_COMMITTEE, COMMITTEE_MEMBER, GROUP_LEADER
}
