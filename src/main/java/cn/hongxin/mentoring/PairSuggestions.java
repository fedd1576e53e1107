package cn.hongxin.mentoring;

import java.util.List;

/**
 * Proposed leads and partners for a student: teachers of the chosen teaching office (or of the student's
 * department), fewest open pairs first.
 */
public record PairSuggestions(long studentPersonId, String studentName, String studentUnitName, List<Candidate> leads,
                              List<Candidate> partners) {

    /** A teacher who could take the pair, with the number of open pairs they are in now. */
    public record Candidate(long personId, String name, String office, long openPairs) {
    }
}
