package cn.hongxin.mentoring;

/** A help record was deleted by its author; whatever it counted for counts no more. */
public record HelpRecordRetracted(long helpRecordId) {
}
