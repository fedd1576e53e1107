package cn.hongxin.organisation;

/** 性别. */
public enum Gender { MALE, FEMALE }
