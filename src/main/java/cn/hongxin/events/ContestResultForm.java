package cn.hongxin.events;

import java.math.BigDecimal;

/** A contest result to record: a person or a team name (one of the two), score, rank, award. */
public record ContestResultForm(Long personId, String teamName, BigDecimal score, Integer rank, String award) {
}
