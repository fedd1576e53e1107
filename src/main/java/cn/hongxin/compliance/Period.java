package cn.hongxin.compliance;

import java.time.LocalDate;

import cn.hongxin.brand.PeriodKind;

/**
 * One occurrence of a requirement's period: a month, a quarter, a semester or an academic year, both ends
 * included.
 *
 * @param label e.g. 2026-10, 2026-Q4, the semester's or the academic year's name
 */
public record Period(PeriodKind kind, LocalDate start, LocalDate end, String label) {

    public Period {
        if (start == null || end == null || end.isBefore(start)) {
            throw new IllegalArgumentException("period end before start: " + start + " " + end);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
