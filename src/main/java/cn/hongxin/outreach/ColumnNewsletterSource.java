package cn.hongxin.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.newsletter.NewsletterArticle;
import cn.hongxin.newsletter.NewsletterArticleSource;

/**
 * Offers the column pieces published in a period to a newsletter's first draft (source HEALTH_COLUMN). The
 * newsletter module checks who drafts; this answers for the unit path it is given.
 */
@Component
class ColumnNewsletterSource implements NewsletterArticleSource {

    static final String SOURCE = "HEALTH_COLUMN";

    private final ColumnPieceRepository pieces;
    private final ColumnIssueRepository issues;

    ColumnNewsletterSource(ColumnPieceRepository pieces, ColumnIssueRepository issues) {
        this.pieces = pieces;
        this.issues = issues;
    }

    @Override
    @Transactional(readOnly = true)
    public List<NewsletterArticle> publishedBetween(String unitPathPrefix, LocalDate from, LocalDate to) {
        List<ColumnPiece> found = pieces.findPublishedUnderBetween(unitPathPrefix == null ? "" : unitPathPrefix, from, to);
        Map<Long, ColumnIssue> byId = issues.findAllById(found.stream().map(ColumnPiece::getIssueId).distinct().toList())
                .stream().collect(Collectors.toMap(ColumnIssue::getId, Function.identity()));
        return found.stream().map(p -> {
            ColumnIssue issue = byId.get(p.getIssueId());
            ColumnPieceView v = p.toView(issue);
            String summary = "校报健康专栏" + (issue == null ? "" : issue.getIssueNo()) + "，作者：" + v.authorName();
            Long cover = v.contentType() != null && v.contentType().startsWith("image/") ? v.fileId() : null;
            return new NewsletterArticle(SOURCE, v.id(), v.topic(), summary, cover, v.publishedOn(), null);
        }).toList();
    }
}
