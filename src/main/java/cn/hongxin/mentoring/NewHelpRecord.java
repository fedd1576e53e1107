package cn.hongxin.mentoring;

import java.time.LocalDate;

/**
 * A help record as a teacher of the pair writes it. The client request id (made when the form is shown) makes
 * a repeated submission record nothing new.
 */
public record NewHelpRecord(String clientRequestId, LocalDate date, HelpMode mode, String content, String nextStep) {
}
