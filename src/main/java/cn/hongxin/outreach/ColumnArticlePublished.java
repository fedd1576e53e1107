package cn.hongxin.outreach;

import java.time.LocalDate;

/**
 * A column piece was published in the school newspaper.
 *
 * @param unitId the unit owning the column (the teachers' branch)
 * @param date   the day it appeared
 */
public record ColumnArticlePublished(long pieceId, long unitId, long authorPersonId, LocalDate date) {
}
