package cn.hongxin.mentoring;

import java.time.LocalDate;

/** A help record in clear, for the pair's teachers and the responsible secretaries only. */
public record HelpRecordView(long id, long pairId, LocalDate date, HelpMode mode, String content, String nextStep,
                             long authorPersonId, String authorName) {
}
