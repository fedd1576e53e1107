package cn.hongxin.organisation;

/** 政治面貌, in the order of the membership-development pipeline from the outside in. */
public enum PoliticalStatus {
    FULL_MEMBER, PROBATIONARY_MEMBER, CANDIDATE, ACTIVIST, APPLICANT, LEAGUE_MEMBER, MASSES;

    /** 正式党员 and 预备党员. */
    public boolean partyMember() {
        return this == FULL_MEMBER || this == PROBATIONARY_MEMBER;
    }
}
