package cn.hongxin.submissions;

/** 待审核 → 已通过 or 已退回; a verified submission may still be 退回 later (a retraction). */
public enum SubmissionState {
    SUBMITTED, VERIFIED, REJECTED
}
