package cn.hongxin.events;

/** The three combinations (三个结合) an activity can be tagged with. */
public enum ThreeCombination {
    /** 红色文化教育与传统文化相结合. */
    RED_AND_TRADITIONAL,
    /** 党建活动与服务理念相结合. */
    PARTY_AND_SERVICE,
    /** 党建文化与校园文化相结合. */
    PARTY_AND_CAMPUS
}
