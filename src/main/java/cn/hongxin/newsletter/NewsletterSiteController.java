package cn.hongxin.newsletter;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.hongxin.files.FileStore;
import cn.hongxin.shared.NotFoundException;

/**
 * The public site's newsletter pages (no login): the archive of issued issues by year, one issue as a web page
 * with its photos, and its PDF. Drafts and issues awaiting sign-off are not found here.
 */
@Controller
@RequestMapping("/site/newsletters")
class NewsletterSiteController {

    private static final int DESCRIPTION_LENGTH = 120;

    private final NewsletterService newsletters;
    private final NewsletterDocuments documents;
    private final FileStore files;

    NewsletterSiteController(NewsletterService newsletters, NewsletterDocuments documents, FileStore files) {
        this.newsletters = newsletters;
        this.documents = documents;
        this.files = files;
    }

    @GetMapping
    String archive(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("issues", newsletters.issued(year));
        model.addAttribute("years", newsletters.issuedYears());
        model.addAttribute("year", year);
        model.addAttribute("baseUrl", baseUrl());
        return "newsletter/site-archive";
    }

    @GetMapping("/{id}")
    String issue(@PathVariable long id, Model model) {
        NewsletterIssueView issue = newsletters.issuedIssue(id);
        String base = baseUrl();
        List<NewsletterItemView> items = issue.sections().stream().flatMap(s -> s.items().stream()).toList();
        model.addAttribute("issue", issue);
        model.addAttribute("shareUrl", base + "/site/newsletters/" + id);
        model.addAttribute("ogImage", items.stream().flatMap(i -> i.photoFileIds().stream()).findFirst()
                .map(f -> base + "/site/newsletters/" + id + "/photos/" + f).orElse(null));
        model.addAttribute("description", description(issue.unitName(), items));
        return "newsletter/site-issue";
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        NewsletterIssueView issue = newsletters.issuedIssue(id);
        return NewsletterController.download(documents.pdf(issue), documents.fileName(issue, "pdf"),
                MediaType.APPLICATION_PDF);
    }

    @GetMapping("/{id}/photos/{fileId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long fileId) throws IOException {
        if (!newsletters.issuedHasPhoto(id, fileId)) {
            throw new NotFoundException("photo", fileId);
        }
        return thumbnail(files, fileId);
    }

    /** The share preview's text: the issuing unit and the items' titles, cut to a chat preview's length. */
    static String description(String unitName, List<NewsletterItemView> items) {
        String text = unitName + " · " + items.stream().map(NewsletterItemView::title)
                .collect(Collectors.joining("；"));
        return text.length() <= DESCRIPTION_LENGTH ? text : text.substring(0, DESCRIPTION_LENGTH - 1) + "…";
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** The photo's thumbnail (JPEG) when it has one, else the photo itself. */
    static ResponseEntity<byte[]> thumbnail(FileStore files, long fileId) throws IOException {
        Optional<InputStream> thumb = files.openThumbnail(fileId);
        if (thumb.isPresent()) {
            try (InputStream in = thumb.get()) {
                return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.noCache()).body(in.readAllBytes());
            }
        }
        String type = files.find(fileId).map(f -> f.contentType()).orElse("application/octet-stream");
        try (InputStream in = files.open(fileId)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                    .cacheControl(CacheControl.noCache()).body(in.readAllBytes());
        }
    }
}
