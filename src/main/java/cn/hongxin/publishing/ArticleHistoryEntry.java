package cn.hongxin.publishing;

import java.time.Instant;

/** One step of an article's workflow: who took it, when, from which state to which, with what comment. */
public record ArticleHistoryEntry(Instant at, String actorName, ArticleState from, ArticleState to, String comment) {

    /** When, in China time (for pages). */
    public java.time.LocalDateTime atLocal() {
        return at == null ? null : java.time.LocalDateTime.ofInstant(at, ArticleService.CHINA);
    }
}
