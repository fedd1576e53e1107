package cn.hongxin.organisation;

/** A holiday (no teaching) or a named window that requirements refer to (七一, 十一, 清明). */
public enum CalendarPeriodKind { HOLIDAY, WINDOW }
