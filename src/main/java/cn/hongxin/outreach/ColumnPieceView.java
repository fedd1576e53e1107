package cn.hongxin.outreach;

import java.time.LocalDate;

/** A column piece with its issue, as the pages and the API show it; the article is at /files/{fileId}. */
public record ColumnPieceView(long id, long issueId, String issueNo, LocalDate issueDate, long unitId, String topic,
                              long authorPersonId, String authorName, PieceState state, Long fileId, String fileName,
                              String contentType, LocalDate publishedOn, String lastReason, long version) {

    public String fileUrl() {
        return fileId == null ? null : "/files/" + fileId;
    }
}
