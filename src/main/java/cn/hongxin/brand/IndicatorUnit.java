package cn.hongxin.brand;

/** How an indicator's value reads: a percentage (a ratio times 100), hours, or a count. */
public enum IndicatorUnit {
    PERCENT, HOURS, COUNT
}
