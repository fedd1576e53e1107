package cn.hongxin.mentoring;

import java.time.LocalDate;
import java.util.Set;

/** Forming a pair: the student, the party-member teacher who leads, the non-member teacher, needs and goals. */
public record NewPair(Long studentPersonId, Long leadPersonId, Long partnerPersonId, Set<CareNeed> careNeeds,
                      String goals, LocalDate startedOn) {
}
