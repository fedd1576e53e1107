package cn.hongxin.compliance;

/**
 * How many subjects stand where on one or more requirements. The rate is met over due (met, behind and missed);
 * subjects not yet due do not count against it.
 */
public record VerdictCounts(long met, long behind, long missed, long notYetDue) {

    public static final VerdictCounts NONE = new VerdictCounts(0, 0, 0, 0);

    public static VerdictCounts of(Verdict verdict) {
        return switch (verdict) {
            case MET -> new VerdictCounts(1, 0, 0, 0);
            case BEHIND -> new VerdictCounts(0, 1, 0, 0);
            case MISSED -> new VerdictCounts(0, 0, 1, 0);
            case NOT_YET_DUE -> new VerdictCounts(0, 0, 0, 1);
        };
    }

    public VerdictCounts plus(VerdictCounts o) {
        return new VerdictCounts(met + o.met, behind + o.behind, missed + o.missed, notYetDue + o.notYetDue);
    }

    public long total() {
        return met + behind + missed + notYetDue;
    }

    public long due() {
        return met + behind + missed;
    }

    /** Met over due, from 0 to 1; null when nothing is due yet. */
    public Double rate() {
        return due() == 0 ? null : (double) met / due();
    }
}
