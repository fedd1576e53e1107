package cn.hongxin.newsletter;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an issue (already read through {@link NewsletterService}, so permissions are checked) as PDF or Word.
 * Photos are decoded and scaled on two threads at most (the machine's cores, not the request's).
 */
@Component
class NewsletterDocuments {

    private static final int DECODE_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final NewsletterPhotos photos;
    private final MessageSource messages;

    NewsletterDocuments(NewsletterPhotos photos, MessageSource messages) {
        this.photos = photos;
        this.messages = messages;
    }

    byte[] pdf(NewsletterIssueView issue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        NewsletterPdf.render(issue, NewsletterLabels.of(messages, issue), photos(issue), out);
        return out.toByteArray();
    }

    byte[] docx(NewsletterIssueView issue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        NewsletterDocx.render(issue, NewsletterLabels.of(messages, issue), photos(issue), out);
        return out.toByteArray();
    }

    /** The file name of a download: 党建工作简报-2026-第3期.pdf (or 待编号). */
    String fileName(NewsletterIssueView issue, String extension) {
        NewsletterLabels labels = NewsletterLabels.of(messages, issue);
        String year = issue.year() != null ? issue.year().toString() : Integer.toString(issue.periodFrom().getYear());
        return (issue.title() + "-" + year + "-" + labels.number()).replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "." + extension;
    }

    Map<Long, NewsletterPhotos.Photo> photos(NewsletterIssueView issue) {
        List<Long> ids = issue.sections().stream().flatMap(s -> s.items().stream())
                .flatMap(i -> i.photoFileIds().stream()).distinct().toList();
        Map<Long, NewsletterPhotos.Photo> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(DECODE_THREADS, ids.size()));
        try {
            Map<Long, Future<Optional<NewsletterPhotos.Photo>>> pending = new LinkedHashMap<>();
            for (Long id : ids) {
                pending.put(id, pool.submit(() -> photos.load(id)));
            }
            for (Map.Entry<Long, Future<Optional<NewsletterPhotos.Photo>>> e : pending.entrySet()) {
                e.getValue().get().ifPresent(p -> result.put(e.getKey(), p));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return result;
    }
}
