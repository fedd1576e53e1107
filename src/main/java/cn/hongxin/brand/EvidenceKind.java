package cn.hongxin.brand;

/**
 * The kinds of evidence the ledger keeps. The {@link EvidenceSelector#type()} beside a kind narrows it: an event
 * type code (REGULAR_PARTY_MEETING …) for the event kinds, a submission kind (READING_NOTE, POSTER …) for
 * verified submissions, a column or channel code for articles.
 */
public enum EvidenceKind {
    /** An event was held (closed as done); subject: the organiser unit; type: event type code. */
    EVENT_HELD,
    /** A person attended (present or late); type: event type code. */
    ATTENDED,
    /** A person gave a lecture (closed lecture event with that speaker); type: event type code. */
    LECTURE_GIVEN,
    /** A person's submission was verified; type: submission kind. */
    SUBMISSION_VERIFIED,
    /** Verified volunteer hours of a person (from a volunteer event or a verified claim); quantity: hours. */
    VOLUNTEER_HOURS,
    /** An article was published; subject: the publishing org unit (and its author); type: channel or column. */
    ARTICLE_PUBLISHED,
    /** A newsletter issue was issued; subject: the publishing org unit. */
    NEWSLETTER_ISSUED,
    /** A help record of a mentoring pair was logged; subject: the lead teacher. */
    HELP_RECORD,
    /**
     * A check-in of a mentored student's state; subject: the student; quantity: the check-in's overall score
     * (higher is better), so a later check-in above an earlier one shows improvement.
     */
    CHECK_IN,
    /**
     * People reached by an outreach talk or read an article; subject: the organiser unit; type: the event type
     * code (HEALTH_TALK) or the channel (WECHAT, PUBLIC_SITE, HEALTH_COLUMN); quantity: audience size or reads.
     */
    AUDIENCE_REACHED
}
