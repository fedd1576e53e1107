package cn.hongxin.organisation;

/** A person's resident-ID number and phone in clear; every reveal is audited. */
public record SensitiveValues(long personId, String idNumber, String phone) {
}
