package cn.hongxin.compliance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hongxin.brand.RequirementDefinition;

/**
 * A requirement evaluated for every subject of an org subtree in one period, as of a day.
 *
 * @param opensOn    first day that counts: the window's, or else the period's
 * @param closesOn   last day that counts (the deadline)
 * @param applicable false when the requirement names a window the calendar does not have in this period
 *                   (then nobody is asked anything)
 */
public record RequirementEvaluation(RequirementDefinition requirement, Period period, LocalDate opensOn,
                                    LocalDate closesOn, LocalDate asOf, boolean applicable,
                                    List<SubjectVerdict> subjects) {

    public RequirementEvaluation {
        subjects = List.copyOf(subjects);
    }

    public VerdictCounts counts() {
        return subjects.stream().map(s -> VerdictCounts.of(s.verdict())).reduce(VerdictCounts.NONE, VerdictCounts::plus);
    }

    /** Counts per branch (the subjects' branches; the organisation as a subject belongs to none). */
    public Map<Long, VerdictCounts> byBranch() {
        Map<Long, VerdictCounts> result = new LinkedHashMap<>();
        for (SubjectVerdict s : subjects) {
            if (s.branchId() != null) {
                result.merge(s.branchId(), VerdictCounts.of(s.verdict()), VerdictCounts::plus);
            }
        }
        return result;
    }

    public Verdict verdictOf(SubjectType type, long subjectId) {
        return subjects.stream().filter(s -> s.subjectType() == type && s.subjectId() == subjectId)
                .map(SubjectVerdict::verdict).findFirst().orElse(null);
    }
}
