package cn.hongxin.evaluation;

/** The inspection ledgers (台账) the evaluation module writes as Excel workbooks. */
public enum LedgerKind {
    /** 三会一课: branch general meetings, committee meetings, party group meetings and party lectures. */
    THREE_MEETINGS_ONE_LESSON,
    /** Every meeting with who attended and who was absent. */
    MEETINGS,
    /** Lectures given (from the ledger's LECTURE_GIVEN evidence). */
    LECTURES,
    /** Volunteer hours per person, one sheet per branch, with totals. */
    VOLUNTEER_HOURS,
    /** Help records and check-ins of mentoring pairs, without any narrative. */
    MENTORING,
    /** Activities, contests, volunteer services and health talks held. */
    ACTIVITIES
}
