package cn.hongxin.security;

/**
 * Permission strings in the style Chinese admin users know ({@code org:person:edit}); buttons and
 * endpoints are gated on them via {@code hasAuthority('org:person:edit')}.
 */
public enum Permission {
    ORG_VIEW("org:unit:view"),
    ORG_EDIT("org:unit:edit"),
    PERSON_VIEW("org:person:view"),
    PERSON_EDIT("org:person:edit"),
    PERSON_IMPORT("org:person:import"),
    PERSON_EXPORT("org:person:export"),
    PERSON_REVEAL("org:person:reveal"),
    CALENDAR_EDIT("org:calendar:edit"),
    ACCOUNT_MANAGE("sys:account:manage"),
    ACCOUNT_SECURITY("sys:security:manage"),
    AUDIT_READ("sys:audit:read"),
    TOKEN_USE("sys:token:use"),
    EVENT_VIEW("event:view"),
    EVENT_EDIT("event:edit"),
    EVENT_TYPE_EDIT("event:type:edit"),
    SUBMISSION_REVIEW("submission:review"),
    BRAND_VIEW("brand:view"),
    BRAND_EDIT("brand:edit"),
    COMPLIANCE_VIEW("compliance:view"),
    COMPLIANCE_EXPORT("compliance:export"),
    /** Form, follow and close mentoring pairs; read the sensitive records of pairs in scope (teachers' side). */
    MENTORING_MANAGE("mentoring:manage"),
    /** Keep the health lecture team, the newspaper column calendar and the outreach talks. */
    OUTREACH_EDIT("outreach:edit"),
    /** Write articles and submit them for review. */
    ARTICLE_WRITE("article:write"),
    /** First review (初审) and proof-reading of submitted articles. */
    ARTICLE_REVIEW("article:review"),
    /** Final approval (终审) of reviewed articles. */
    ARTICLE_APPROVE("article:approve"),
    /** Publish approved articles to the public site and the WeChat channel. */
    ARTICLE_PUBLISH("article:publish"),
    /** Configure publishing channels (WeChat official account credentials). */
    CHANNEL_CONFIGURE("publishing:channel"),
    /** Edit newsletter issues and submit them for sign-off. */
    NEWSLETTER_EDIT("newsletter:edit"),
    /** Sign off (审签) and issue newsletter issues. */
    NEWSLETTER_SIGN("newsletter:sign"),
    /** See the outcome dashboards, indicators and member points. */
    EVALUATION_VIEW("evaluation:view"),
    /** Produce evaluation reports and inspection ledgers. */
    EVALUATION_EXPORT("evaluation:export");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    public String authority() {
        return authority;
    }
}
