package cn.hongxin.brand;

/**
 * A named window (七一, 十一 …) inside the requirement's period: its dates come from the academic calendar's
 * period with this code ({@code organisation.CalendarPeriodKind.WINDOW}); only evidence dated inside counts, and the
 * verdict's open/closed dates are the window's.
 */
public record NamedWindow(String code) {
}
