package cn.hongxin.newsletter;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * A test-only article source (the publishing module's real one lives in another worktree): articles that tests
 * place under an org unit's path and publication day.
 */
@Component
class TestArticleSource implements NewsletterArticleSource {

    record Placed(String unitPath, NewsletterArticle article) {
    }

    private final List<Placed> articles = new CopyOnWriteArrayList<>();

    void add(String unitPath, NewsletterArticle article) {
        articles.add(new Placed(unitPath, article));
    }

    @Override
    public List<NewsletterArticle> publishedBetween(String unitPathPrefix, LocalDate from, LocalDate to) {
        return articles.stream().filter(p -> p.unitPath().startsWith(unitPathPrefix))
                .map(Placed::article)
                .filter(a -> !a.publishedOn().isBefore(from) && !a.publishedOn().isAfter(to))
                .sorted(java.util.Comparator.comparing(NewsletterArticle::publishedOn))
                .toList();
    }
}
