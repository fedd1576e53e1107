package cn.hongxin.organisation;

/** 教职工 or 学生. */
public enum PersonType { TEACHER, STUDENT }
