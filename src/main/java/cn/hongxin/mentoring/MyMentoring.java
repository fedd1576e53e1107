package cn.hongxin.mentoring;

import java.util.List;

/**
 * The signed-in person's mentoring: as a teacher, the pairs they lead or partner in; as a student, their pairs'
 * teachers and meeting dates. Both empty for everybody else.
 */
public record MyMentoring(List<PairRow> teaching, List<StudentPairView> mentored) {

    public boolean empty() {
        return teaching.isEmpty() && mentored.isEmpty();
    }
}
