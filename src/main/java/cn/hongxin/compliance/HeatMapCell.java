package cn.hongxin.compliance;

/** One cell of the heat map: a branch's standing on a measure (all its requirements together). */
public record HeatMapCell(long branchId, long measureId, VerdictCounts counts) {

    public Double rate() {
        return counts.rate();
    }
}
