package cn.hongxin.brand;

/** The period an indicator's value is compared with: the period before, or the same period a year earlier. */
public enum IndicatorBaseline {
    PREVIOUS_PERIOD, SAME_PERIOD_LAST_YEAR
}
