package cn.hongxin.mentoring;

import java.time.LocalDate;

/** Closing a pair: the day, the kind of outcome and a short account of it. */
public record PairClosure(LocalDate closedOn, OutcomeKind outcomeKind, String outcome) {
}
