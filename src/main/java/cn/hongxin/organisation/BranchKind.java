package cn.hongxin.organisation;

/** Whom a branch organises: teachers (教工支部), students (学生支部) or both (混合支部). */
public enum BranchKind { TEACHERS, STUDENTS, MIXED }
