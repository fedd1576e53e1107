package cn.hongxin.submissions;

/** The review queue's filters; {@code null} means any (state {@code null} means 待审核). */
public record SubmissionQuery(SubmissionKind kind, SubmissionState state, Long unitId) {

    public static SubmissionQuery pending() {
        return new SubmissionQuery(null, SubmissionState.SUBMITTED, null);
    }
}
