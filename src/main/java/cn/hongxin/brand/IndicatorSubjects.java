package cn.hongxin.brand;

/** Which persons' evidence an indicator selector counts (unit evidence is not narrowed). */
public enum IndicatorSubjects {
    ALL, PARTY_MEMBERS, PARTY_LEADERS, TEACHERS, STUDENTS
}
