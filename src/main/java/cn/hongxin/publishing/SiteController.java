package cn.hongxin.publishing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
import cn.hongxin.files.StoredFile;
import cn.hongxin.shared.NotFoundException;

/**
 * The public, phone-first site (no login): the list of published articles with cover and summary, the article
 * page (by id or slug) with Open Graph tags and a share link, the Atom feed and the images published articles
 * show. Nothing loads from outside the application. A reading is counted once per reader and day, loosely (by
 * address and browser, kept in memory).
 */
@Controller
@RequestMapping("/site")
class SiteController {

    static final int PAGE_SIZE = 10;
    private static final int FEED_SIZE = 30;

    private final PublicSite site;
    private final ObjectProvider<FileStore> files;
    private final MessageSource messages;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile LocalDate seenDay = LocalDate.now(ArticleService.CHINA);

    SiteController(PublicSite site, ObjectProvider<FileStore> files, MessageSource messages) {
        this.site = site;
        this.files = files;
        this.messages = messages;
    }

    @GetMapping({"", "/"})
    String list(@RequestParam(defaultValue = "0") String page, Model model) {
        Page<ArticleView> found = site.published(Math.max(0, ArticleController.intOr(page)), PAGE_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("baseUrl", baseUrl());
        return "site/index";
    }

    @GetMapping("/articles/{key}")
    String article(@PathVariable String key, HttpServletRequest request, Model model) {
        ArticleView a = site.article(key).orElseThrow(() -> new NotFoundException("article", key));
        boolean counted = countOnce(a.id(), request);
        String base = baseUrl();
        model.addAttribute("article", a);
        model.addAttribute("views", a.viewCount() + (counted ? 1 : 0));
        model.addAttribute("baseUrl", base);
        model.addAttribute("shareUrl", base + a.sitePath());
        model.addAttribute("ogImage", a.coverFileId() == null ? null : base + "/site/images/" + a.coverFileId());
        return "site/article";
    }

    @GetMapping(value = "/feed.atom", produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> feed(java.util.Locale locale) {
        String title = messages.getMessage("pubsite.title", null, locale);
        String xml = AtomFeedWriter.write(baseUrl(), title, site.published(0, FEED_SIZE).getContent());
        return ResponseEntity.ok().contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(xml);
    }

    @GetMapping("/images/{id}")
    ResponseEntity<InputStreamResource> image(@PathVariable long id) {
        return serve(id, false);
    }

    @GetMapping("/images/{id}/thumbnail")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id) {
        return serve(id, true);
    }

    private ResponseEntity<InputStreamResource> serve(long id, boolean thumbnail) {
        FileStore store = files.getIfAvailable();
        StoredFile file = store == null ? null : store.find(id).filter(StoredFile::image)
                .filter(f -> site.publicImage(id)).orElse(null);
        if (file == null) {
            throw new NotFoundException("image", id);
        }
        InputStream in = thumbnail ? store.openThumbnail(id).orElseGet(() -> store.open(id)) : store.open(id);
        MediaType type = thumbnail && file.hasThumbnail() ? MediaType.IMAGE_JPEG
                : MediaType.parseMediaType(file.contentType());
        return ResponseEntity.ok().contentType(type).header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(new InputStreamResource(in));
    }

    private boolean countOnce(long id, HttpServletRequest request) {
        LocalDate today = LocalDate.now(ArticleService.CHINA);
        if (!today.equals(seenDay) || seen.size() > 100_000) {
            seen.clear();
            seenDay = today;
        }
        String reader = request.getRemoteAddr() + "|" + request.getHeader(HttpHeaders.USER_AGENT) + "|" + id;
        if (seen.add(reader)) {
            site.countView(id);
            return true;
        }
        return false;
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
