package cn.hongxin.security;

import java.util.EnumSet;
import java.util.Set;

import static cn.hongxin.security.Permission.*;

/**
 * The roles of Hongxin. System admin, security admin and auditor are kept apart (三权分立):
 * none of them holds another's permissions.
 */
public enum Role {
    SYSTEM_ADMIN(EnumSet.of(ORG_VIEW, ORG_EDIT, PERSON_VIEW, PERSON_EDIT, PERSON_IMPORT, PERSON_EXPORT,
            CALENDAR_EDIT, ACCOUNT_MANAGE, TOKEN_USE, EVENT_VIEW, EVENT_TYPE_EDIT, BRAND_VIEW,
            BRAND_EDIT, CHANNEL_CONFIGURE)),
    SECURITY_ADMIN(EnumSet.of(ACCOUNT_SECURITY, TOKEN_USE)),
    AUDITOR(EnumSet.of(AUDIT_READ, TOKEN_USE)),
    GENERAL_SECRETARY(EnumSet.of(ORG_VIEW, ORG_EDIT, PERSON_VIEW, PERSON_EDIT, PERSON_IMPORT, PERSON_EXPORT,
            PERSON_REVEAL, CALENDAR_EDIT, TOKEN_USE, EVENT_VIEW, EVENT_EDIT, SUBMISSION_REVIEW, BRAND_VIEW,
            BRAND_EDIT, COMPLIANCE_VIEW, COMPLIANCE_EXPORT, MENTORING_MANAGE, OUTREACH_EDIT, ARTICLE_WRITE,
            ARTICLE_REVIEW, ARTICLE_APPROVE, ARTICLE_PUBLISH, CHANNEL_CONFIGURE, NEWSLETTER_EDIT, NEWSLETTER_SIGN,
            EVALUATION_VIEW, EVALUATION_EXPORT)),
    BRANCH_SECRETARY(EnumSet.of(ORG_VIEW, PERSON_VIEW, PERSON_EDIT, PERSON_IMPORT, PERSON_EXPORT,
            PERSON_REVEAL, TOKEN_USE, EVENT_VIEW, EVENT_EDIT, SUBMISSION_REVIEW, BRAND_VIEW, COMPLIANCE_VIEW,
            COMPLIANCE_EXPORT, MENTORING_MANAGE, OUTREACH_EDIT, ARTICLE_WRITE, ARTICLE_REVIEW, ARTICLE_APPROVE,
            NEWSLETTER_EDIT, EVALUATION_VIEW, EVALUATION_EXPORT)),
    COMMITTEE_MEMBER(EnumSet.of(ORG_VIEW, PERSON_VIEW, PERSON_EXPORT, TOKEN_USE, EVENT_VIEW, EVENT_EDIT,
            SUBMISSION_REVIEW, BRAND_VIEW, COMPLIANCE_VIEW, OUTREACH_EDIT, ARTICLE_WRITE, ARTICLE_REVIEW,
            NEWSLETTER_EDIT, EVALUATION_VIEW)),
    MEMBER(EnumSet.noneOf(Permission.class)),
    PARTICIPANT(EnumSet.noneOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Message key of the role's display name. */
    public String labelKey() {
        return "role." + name();
    }
}
