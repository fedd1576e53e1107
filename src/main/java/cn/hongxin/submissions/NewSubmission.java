package cn.hongxin.submissions;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a member submits; which fields count depends on the kind. {@code clientRequestId} is the form's
 * hidden UUID: the same id sent twice (a retried POST after a lost response) records one submission.
 */
public record NewSubmission(String clientRequestId, SubmissionKind kind, String title, String bookTitle,
                            String bookAuthor, String body, Long fileId, BigDecimal hours, LocalDate activityDate,
                            String windowCode, Long eventId) {

    public static NewSubmission readingNote(String requestId, String bookTitle, String author, String note,
                                            LocalDate date) {
        return new NewSubmission(requestId, SubmissionKind.READING_NOTE, null, bookTitle, author, note, null, null,
                date, null, null);
    }

    public static NewSubmission poster(String requestId, String title, long fileId, String windowCode,
                                       LocalDate date) {
        return new NewSubmission(requestId, SubmissionKind.POSTER, title, null, null, null, fileId, null, date,
                windowCode, null);
    }

    public static NewSubmission essay(String requestId, String title, String text, Long fileId, LocalDate date) {
        return new NewSubmission(requestId, SubmissionKind.ESSAY, title, null, null, text, fileId, null, date, null,
                null);
    }

    public static NewSubmission poem(String requestId, String title, LocalDate recitedOn) {
        return new NewSubmission(requestId, SubmissionKind.POEM, title, null, null, null, null, null, recitedOn, null,
                null);
    }

    public static NewSubmission volunteerHours(String requestId, BigDecimal hours, LocalDate date,
                                               String activity) {
        return new NewSubmission(requestId, SubmissionKind.VOLUNTEER_HOURS, null, null, null, activity, null, hours,
                date, null, null);
    }
}
