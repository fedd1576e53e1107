package cn.hongxin.mentoring;

import java.time.LocalDate;

/** A help record was logged for a pair; it counts for the pair's lead teacher, whoever of the two wrote it. */
public record HelpRecordLogged(long helpRecordId, long pairId, long leadPersonId, LocalDate date) {
}
