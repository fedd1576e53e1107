package cn.hongxin.compliance;

/**
 * Where a row of evidence comes from: an event or a submission today; the mentoring, outreach, publishing and
 * newsletter modules' objects when they publish their events.
 */
public enum SourceKind {
    EVENT, SUBMISSION, HELP_RECORD, CHECK_IN, ARTICLE, COLUMN_ARTICLE, NEWSLETTER_ISSUE
}
