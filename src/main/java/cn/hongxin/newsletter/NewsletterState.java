package cn.hongxin.newsletter;

/** draft → submitted for sign-off (审签) → issued; a submitted issue may be returned, and is edited again. */
public enum NewsletterState {
    DRAFT, SUBMITTED, RETURNED, ISSUED;

    /** Whether the editor may change the issue's content. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
