package cn.hongxin.outreach;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The column's editorial calendar for one month: weeks of days (Monday first, with the neighbouring months' days
 * to fill the first and last week), the issues and their pieces.
 */
public record ColumnMonth(YearMonth month, List<List<Day>> weeks, List<ColumnIssueView> issues,
                          List<ColumnPieceView> pieces) {

    /** One day of the grid with the issues appearing on it and their pieces. */
    public record Day(LocalDate date, boolean inMonth, boolean today, List<ColumnIssueView> issues,
                      List<ColumnPieceView> pieces) {
    }

    public long count(PieceState state) {
        return pieces.stream().filter(p -> p.state() == state).count();
    }

    public YearMonth previous() {
        return month.minusMonths(1);
    }

    public YearMonth following() {
        return month.plusMonths(1);
    }
}
