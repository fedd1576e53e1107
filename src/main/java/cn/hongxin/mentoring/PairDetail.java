package cn.hongxin.mentoring;

import java.util.List;
import java.util.Set;

/**
 * A pair with its sensitive content in clear; reading it is audited.
 *
 * @param canWrite whether the reader is one of the pair's teachers (may log help records and check-ins)
 * @param canClose whether the reader may close the pair (the lead or a responsible secretary)
 */
public record PairDetail(PairRow pair, Set<CareNeed> careNeeds, String goals, OutcomeKind outcomeKind,
                         String outcome, List<HelpRecordView> helpRecords, List<CheckInView> checkIns,
                         boolean canWrite, boolean canClose) {
}
