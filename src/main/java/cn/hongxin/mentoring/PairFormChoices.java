package cn.hongxin.mentoring;

import java.util.List;

/** Who may be chosen on the pair form: students, party-member teachers, non-member teachers, teaching offices. */
public record PairFormChoices(List<Choice> students, List<Choice> leads, List<Choice> partners, List<Choice> offices) {

    /** One option: the id, a name and where the person stands (teaching office or class). */
    public record Choice(long id, String name, String unit) {
    }
}
