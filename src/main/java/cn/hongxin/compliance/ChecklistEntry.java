package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.EvidenceSelector;

/**
 * One line of "my checklist" as pages and the API show it: the requirement, how far I am, until when, and where
 * to go to do it (the submission form for submissions, my events for attendance and lectures).
 *
 * @param link a path inside the application
 */
public record ChecklistEntry(long requirementId, String code, String nameZh, String nameEn, String periodLabel,
                             LocalDate opensOn, LocalDate deadline, BigDecimal progress, BigDecimal threshold,
                             Verdict verdict, String link) {

    private static final Set<String> SUBMISSION_KINDS = Set.of("READING_NOTE", "POSTER", "ESSAY", "POEM",
            "VOLUNTEER_HOURS");

    static ChecklistEntry of(ChecklistItem item) {
        var r = item.requirement();
        return new ChecklistEntry(r.id(), r.code(), r.nameZh(), r.nameEn(), item.period().label(), item.opensOn(),
                item.deadline(), item.progress(), item.threshold(), item.verdict(), linkFor(r.evidence()));
    }

    /** Whether nothing is left to do (met). */
    public boolean done() {
        return verdict == Verdict.MET;
    }

    /** Progress as a percentage of the threshold, 0 to 100. */
    public int percent() {
        if (threshold == null || threshold.signum() <= 0) {
            return 100;
        }
        return Math.min(100, progress.multiply(BigDecimal.valueOf(100)).divide(threshold, 0,
                java.math.RoundingMode.DOWN).intValue());
    }

    public String progressText() {
        return progress.stripTrailingZeros().toPlainString() + "/" + threshold.stripTrailingZeros().toPlainString();
    }

    static String linkFor(List<EvidenceSelector> evidence) {
        for (EvidenceSelector s : evidence) {
            if (s.kind() == EvidenceKind.SUBMISSION_VERIFIED && s.type() != null
                    && SUBMISSION_KINDS.contains(s.type().strip())) {
                return "/me/submissions/new?kind=" + s.type().strip();
            }
            if (s.kind() == EvidenceKind.VOLUNTEER_HOURS) {
                return "/me/submissions/new?kind=VOLUNTEER_HOURS";
            }
        }
        for (EvidenceSelector s : evidence) {
            if (s.kind() == EvidenceKind.SUBMISSION_VERIFIED) {
                return "/me/submissions";
            }
        }
        return "/me/events";
    }
}
