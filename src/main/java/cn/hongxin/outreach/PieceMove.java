package cn.hongxin.outreach;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Moving a column piece to another state. A step back needs a {@code reason}; publishing takes
 * {@code publishedOn} (the date when empty). {@code version}, when given, must be the version the caller
 * saw, so that two editors do not overwrite each other.
 */
public record PieceMove(PieceState target, String reason,
                        @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate publishedOn, Long version) {
}
