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
    COMPLIANCE_EXPORT("compliance:export");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    public String authority() {
        return authority;
    }
}
