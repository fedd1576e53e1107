package cn.hongxin.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.hongxin.events.EventQuery;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventView;
import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * 文章管理: the list with state filters, the editor (Markdown or rich text, a server-rendered preview, cover and
 * body images uploaded with the form), the article page with its history and the workflow's buttons.
 */
@Controller
@RequestMapping("/publishing/articles")
class ArticleController {

    static final int PAGE_SIZE = 20;

    private final ArticleService service;
    private final WeChatChannelService channel;
    private final ObjectProvider<FileStore> files;
    private final ObjectProvider<EventService> events;
    private final CurrentUsers currentUsers;
    private final PublishingMessages messages;

    ArticleController(ArticleService service, WeChatChannelService channel, ObjectProvider<FileStore> files,
                      ObjectProvider<EventService> events, CurrentUsers currentUsers, PublishingMessages messages) {
        this.service = service;
        this.channel = channel;
        this.files = files;
        this.events = events;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String unitId,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String page, Model model) {
        currentUsers.require(Permission.ARTICLE_WRITE);
        ArticleQuery query = new ArticleQuery(stateOf(state), longOrNull(unitId), q == null ? null : q.strip());
        int pageNo = Math.max(0, intOr(page));
        Page<ArticleView> found = service.search(query, pageNo, PAGE_SIZE);
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/publishing/articles");
        if (query.state() != null) {
            b.queryParam("state", query.state().name());
        }
        if (query.unitId() != null) {
            b.queryParam("unitId", query.unitId());
        }
        if (query.text() != null && !query.text().isEmpty()) {
            b.queryParam("q", query.text());
        }
        model.addAttribute("query", query);
        model.addAttribute("page", found);
        model.addAttribute("states", ArticleState.values());
        model.addAttribute("units", service.writableUnits());
        model.addAttribute("baseUrl", b.encode().build().toUriString());
        return "publishing/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        List<cn.hongxin.organisation.OrgUnitView> units = service.writableUnits();
        return editor(ArticleForm.empty(units.isEmpty() ? null : units.get(0).id()), null, null, model);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ArticleView a = service.get(id);
        if (a.state() != ArticleState.DRAFT) {
            return "redirect:/publishing/articles/" + id;
        }
        return editor(new ArticleForm(a.title(), a.slug(), a.summary(), a.format(), a.bodySource(), a.unitId(),
                a.coverFileId(), String.join(", ", a.tags()),
                a.events().stream().map(LinkedEvent::eventId).toList()), a, null, model);
    }

    /** Saves (new or existing); with {@code preview} set only renders the preview and stores nothing. */
    @PostMapping({"", "/{id}"})
    String save(@PathVariable(required = false) Long id, @RequestParam(required = false) String title,
                @RequestParam(required = false) String slug, @RequestParam(required = false) String summary,
                @RequestParam(required = false) String format, @RequestParam(required = false) String body,
                @RequestParam(required = false) String unitId, @RequestParam(required = false) String coverFileId,
                @RequestParam(required = false) String tags, @RequestParam(required = false) List<String> eventIds,
                @RequestParam(required = false) MultipartFile cover, @RequestParam(required = false) MultipartFile image,
                @RequestParam(required = false) String preview, Model model, RedirectAttributes redirect) {
        ArticleView existing = id == null ? null : service.get(id);
        BodyFormat bodyFormat = "HTML".equals(format) ? BodyFormat.HTML : BodyFormat.MARKDOWN;
        String text = body == null ? "" : body;
        Long coverId = longOrNull(coverFileId);
        try {
            if (cover != null && !cover.isEmpty()) {
                coverId = store(cover).id();
            }
            if (image != null && !image.isEmpty()) {
                long imageId = store(image).id();
                text = text.stripTrailing() + (bodyFormat == BodyFormat.MARKDOWN
                        ? "\n\n![](/files/" + imageId + ")\n" : "\n<p><img src=\"/files/" + imageId + "\" alt=\"\"></p>\n");
            }
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
            return editor(form(title, slug, summary, bodyFormat, text, unitId, coverId, tags, eventIds), existing,
                    null, model);
        }
        ArticleForm form = form(title, slug, summary, bodyFormat, text, unitId, coverId, tags, eventIds);
        if (preview != null) {
            return editor(form, existing, service.preview(bodyFormat, text), model);
        }
        try {
            ArticleView saved = existing == null ? service.create(form) : service.update(existing.id(), form);
            redirect.addFlashAttribute("flashSuccess", messages.text("article.saved"));
            return "redirect:/publishing/articles/" + saved.id();
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            return editor(form, existing, null, model);
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
            return editor(form, existing, null, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require(Permission.ARTICLE_WRITE);
        ArticleView a = service.get(id);
        model.addAttribute("article", a);
        model.addAttribute("history", service.history(id));
        model.addAttribute("own", ArticleService.own(a, user));
        model.addAttribute("wechatConfigured", channel.configured());
        return "publishing/detail";
    }

    @PostMapping("/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String comment,
               RedirectAttributes redirect) {
        try {
            switch (action) {
                case "submit" -> service.submit(id, comment);
                case "review" -> service.review(id, comment);
                case "approve" -> service.approve(id, comment);
                case "return" -> service.returnToDraft(id, comment);
                case "publish" -> service.publish(id);
                case "withdraw" -> service.withdraw(id, comment);
                case "wechat" -> service.pushToWeChat(id);
                case "delete" -> {
                    service.delete(id);
                    redirect.addFlashAttribute("flashSuccess", messages.text("article.deleted"));
                    return "redirect:/publishing/articles";
                }
                default -> {
                    return "redirect:/publishing/articles/" + id;
                }
            }
            redirect.addFlashAttribute("flashSuccess", messages.text("article.done." + action));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("formError", messages.fieldErrors(e.problems()).values().iterator().next());
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/publishing/articles/" + id;
    }

    private String editor(ArticleForm form, ArticleView existing, String previewHtml, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("article", existing);
        model.addAttribute("previewHtml", previewHtml);
        model.addAttribute("units", service.writableUnits());
        model.addAttribute("formats", BodyFormat.values());
        model.addAttribute("events", recentEvents(existing));
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", java.util.Map.of());
        }
        return "publishing/form";
    }

    /** Events of the last four months and the next one the writer may see, plus those already linked. */
    private List<LinkedEvent> recentEvents(ArticleView existing) {
        List<LinkedEvent> list = new ArrayList<>(existing == null ? List.of() : existing.events());
        EventService es = events.getIfAvailable();
        CurrentUser user = currentUsers.require();
        if (es != null && user.has(Permission.EVENT_VIEW)) {
            LocalDate today = LocalDate.now(ArticleService.CHINA);
            for (EventView e : es.search(new EventQuery(null, null, null, today.minusMonths(4), today.plusMonths(1)),
                    0, 200).getContent()) {
                if (list.stream().noneMatch(l -> l.eventId() == e.id())) {
                    list.add(new LinkedEvent(e.id(), e.title(), e.startsAt() == null ? null : e.startsAt().toLocalDate()));
                }
            }
        }
        return list;
    }

    private StoredFile store(MultipartFile file) {
        FileStore store = files.getIfAvailable();
        if (store == null) {
            throw new UserFacingException("article.files.unavailable");
        }
        try (InputStream in = file.getInputStream()) {
            StoredFile stored = store.store(file.getOriginalFilename(), in, FilePurpose.PHOTO);
            if (!stored.image()) {
                throw new UserFacingException("article.cover.invalid");
            }
            return stored;
        } catch (IOException e) {
            throw new UserFacingException("article.files.unavailable");
        }
    }

    private static ArticleForm form(String title, String slug, String summary, BodyFormat format, String body,
                                    String unitId, Long coverId, String tags, List<String> eventIds) {
        List<Long> ids = eventIds == null ? List.of()
                : eventIds.stream().map(ArticleController::longOrNull).filter(java.util.Objects::nonNull).toList();
        return new ArticleForm(title, slug, summary, format, body, longOrNull(unitId), coverId, tags, ids);
    }

    static ArticleState stateOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ArticleState.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Long longOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int intOr(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
