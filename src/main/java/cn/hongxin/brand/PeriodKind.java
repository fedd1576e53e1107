package cn.hongxin.brand;

/** The period a requirement repeats in; semesters and years follow the academic calendar. */
public enum PeriodKind { MONTH, QUARTER, SEMESTER, YEAR }
