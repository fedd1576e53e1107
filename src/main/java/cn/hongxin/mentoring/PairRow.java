package cn.hongxin.mentoring;

import java.time.LocalDate;

/**
 * A pair in a list: people, dates and counts, no narrative.
 *
 * @param helpThisMonth help records dated in the current month
 * @param overdue       open and fewer than {@link MentoringService#MONTHLY_HELP_RECORDS} help records this month
 */
public record PairRow(long id, long studentPersonId, String studentName, String studentUnitName, long leadPersonId,
                      String leadName, String leadUnitName, long partnerPersonId, String partnerName,
                      LocalDate startedOn, PairState state, LocalDate closedOn, LocalDate lastHelpDate,
                      int helpThisMonth, boolean overdue) {
}
