package cn.hongxin.brand;

/** How the evidence of a requirement is measured against its threshold. */
public enum QuantityKind {
    /** The number of evidence rows is at least the threshold. */
    COUNT,
    /** The sum of the evidence rows' quantities (hours) is at least the threshold. */
    SUM_HOURS
}
