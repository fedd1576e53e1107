package cn.hongxin.security;

/** Whether the audited action succeeded. */
public enum AuditOutcome { SUCCESS, FAILURE, DENIED }
