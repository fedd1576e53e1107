package cn.hongxin.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.hongxin.brand.NamedWindow;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.AcademicYearView;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.CalendarPeriodView;

/**
 * Resolves periods and named windows: months and quarters by date, semesters and academic years from the
 * academic calendar, a named window as the calendar's window of that code overlapping the period.
 */
@Service
public class CompliancePeriods {

    private final AcademicCalendar calendar;

    CompliancePeriods(AcademicCalendar calendar) {
        this.calendar = calendar;
    }

    /** The period of this kind containing {@code date}; empty when the calendar has no semester or year there. */
    public Optional<Period> containing(PeriodKind kind, LocalDate date) {
        return snapshot().containing(kind, date);
    }

    /** The dates of a named window inside a period: the calendar's window of that code overlapping it. */
    public Optional<CalendarPeriodView> window(NamedWindow window, Period period) {
        return snapshot().window(window, period);
    }

    /** The calendar read once, for resolving many periods and windows (a report, a dashboard, the engine). */
    public Snapshot snapshot() {
        return new Snapshot(calendar.years());
    }

    /** The academic calendar as read at one moment. */
    public record Snapshot(List<AcademicYearView> years) {

        /** As {@link CompliancePeriods#containing}, without reading the calendar again. */
        public Optional<Period> containing(PeriodKind kind, LocalDate date) {
            return switch (kind) {
                case MONTH -> {
                    YearMonth m = YearMonth.from(date);
                    yield Optional.of(new Period(kind, m.atDay(1), m.atEndOfMonth(), m.toString()));
                }
                case QUARTER -> {
                    int q = (date.getMonthValue() - 1) / 3;
                    LocalDate start = LocalDate.of(date.getYear(), q * 3 + 1, 1);
                    yield Optional.of(new Period(kind, start, YearMonth.from(start.plusMonths(2)).atEndOfMonth(),
                            date.getYear() + "-Q" + (q + 1)));
                }
                case SEMESTER -> years.stream().flatMap(y -> y.semesters().stream()).filter(s -> s.contains(date))
                        .findFirst().map(s -> new Period(kind, s.startDate(), s.endDate(), s.name()));
                case YEAR -> years.stream().filter(y -> y.contains(date)).findFirst()
                        .map(y -> new Period(kind, y.startDate(), y.endDate(), y.name()));
            };
        }

        /** As {@link CompliancePeriods#window}, without reading the calendar again. */
        public Optional<CalendarPeriodView> window(NamedWindow window, Period period) {
            if (window == null || window.code() == null) {
                return Optional.empty();
            }
            String code = window.code().strip();
            return years.stream().flatMap(y -> y.periods().stream())
                    .filter(p -> p.kind() == CalendarPeriodKind.WINDOW)
                    .filter(w -> w.code() != null && w.code().equalsIgnoreCase(code))
                    .filter(w -> !w.startDate().isAfter(period.end()) && !w.endDate().isBefore(period.start()))
                    .min(Comparator.comparing(CalendarPeriodView::startDate));
        }
    }
}
