package cn.hongxin.mentoring;

/** What a mentored student needs care for (several may apply). */
public enum CareNeed {
    STUDY, PSYCHOLOGICAL, FINANCIAL, HEALTH, FAMILY, EMPLOYMENT
}
