package cn.hongxin.brand;

/** The three outcomes the brand claims (the article's section 5), each measured by indicators. */
public enum IndicatorOutcome {
    /** 党员素质: members' quality. */
    MEMBERS_QUALITY,
    /** 组织力: the organisation's strength. */
    ORGANISATION_STRENGTH,
    /** 学校发展: the school's development. */
    SCHOOL_DEVELOPMENT
}
