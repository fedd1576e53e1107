package cn.hongxin.outreach;

/** What a member of the health lecture team can speak on (宣讲专长). */
public enum Speciality {
    CARDIOVASCULAR, FIRST_AID, MENTAL_HEALTH, NUTRITION, CHRONIC_DISEASE, INFECTIOUS_DISEASE, WOMEN_CHILDREN,
    TRADITIONAL_MEDICINE, ORAL_HEALTH, SPORTS_HEALTH, SLEEP, MEDICATION
}
