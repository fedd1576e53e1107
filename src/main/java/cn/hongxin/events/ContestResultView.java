package cn.hongxin.events;

import java.math.BigDecimal;

/** One entry's contest result: a person (id and name) or a team. */
public record ContestResultView(long id, Long personId, String personName, String teamName, BigDecimal score,
                                Integer rank, String award) {
}
