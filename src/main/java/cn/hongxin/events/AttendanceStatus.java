package cn.hongxin.events;

/** 出席, 迟到, 请假 (with a reason), 缺席. */
public enum AttendanceStatus {
    PRESENT, LATE, EXCUSED, ABSENT;

    /** Present or late: the person took part. */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
