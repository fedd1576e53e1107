package cn.hongxin.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One pair for other modules' ledgers: no narrative, only names, unit, dates, state and counts.
 *
 * @param helpRecordsByMonth help records per calendar month (yyyy-MM), oldest first
 * @param firstScore         the overall score of the first check-in ({@code null} without check-ins)
 * @param lastScore          the overall score of the latest check-in
 */
public record MentoringLedgerRow(long pairId, String studentName, String studentUnitName, String leadName,
                                 String partnerName, String leadUnitName, LocalDate startedOn, LocalDate closedOn,
                                 PairState state, List<MonthCount> helpRecordsByMonth, int checkIns,
                                 BigDecimal firstScore, BigDecimal lastScore) {

    /** A count in one month, yyyy-MM. */
    public record MonthCount(String month, int count) {
    }
}
