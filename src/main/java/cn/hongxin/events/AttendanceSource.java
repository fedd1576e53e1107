package cn.hongxin.events;

/** How an attendance was recorded: roll-call by an organiser, or the person's own scan of the sign-in code. */
public enum AttendanceSource {
    MANUAL, QR
}
