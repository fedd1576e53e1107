package cn.hongxin.newsletter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.events.EventService;
import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.Refusals;
import cn.hongxin.shared.UserFacingException;

/**
 * The editors' pages: the archive of issues by year with the "draft from period" form, the editor of one issue
 * (header, sections, items with up and down buttons, photos), the sign-off buttons, and the PDF and Word files.
 */
@Controller
@RequestMapping("/newsletter")
class NewsletterController {

    private final NewsletterService newsletters;
    private final NewsletterDocuments documents;
    private final FileStore files;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    NewsletterController(NewsletterService newsletters, NewsletterDocuments documents, FileStore files,
                         CurrentUsers currentUsers, MessageSource messages) {
        this.newsletters = newsletters;
        this.documents = documents;
        this.files = files;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        LocalDate firstOfMonth = LocalDate.now(EventService.ZONE).withDayOfMonth(1);
        return listPage(year, null, firstOfMonth.minusMonths(1), firstOfMonth.minusDays(1), model);
    }

    private String listPage(Integer year, Long unitId, LocalDate from, LocalDate to, Model model) {
        model.addAttribute("issues", newsletters.list(year));
        model.addAttribute("years", newsletters.years());
        model.addAttribute("year", year);
        boolean canEdit = currentUsers.require().has(Permission.NEWSLETTER_EDIT);
        model.addAttribute("canEdit", canEdit);
        if (canEdit) {
            model.addAttribute("units", newsletters.publishingUnits());
        }
        model.addAttribute("unitId", unitId);
        model.addAttribute("periodFrom", from);
        model.addAttribute("periodTo", to);
        return "newsletter/list";
    }

    @PostMapping
    String draft(@RequestParam(required = false) Long unitId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
                 Model model, RedirectAttributes redirect) {
        try {
            long id = newsletters.draftFromPeriod(unitId, periodFrom, periodTo);
            redirect.addFlashAttribute("flashSuccess", text("newsletter.drafted"));
            return "redirect:/newsletter/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", Refusals.fieldErrors(messages, e.problems()));
            model.addAttribute("formError", text("newsletter.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", Refusals.text(messages, e));
        }
        return listPage(null, unitId, periodFrom, periodTo, model);
    }

    @GetMapping("/{id}")
    String editor(@PathVariable long id, Model model) {
        model.addAttribute("issue", newsletters.get(id));
        model.addAttribute("steps", newsletters.steps(id));
        return "newsletter/editor";
    }

    @PostMapping("/{id}/header")
    String header(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String title,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
                  @RequestParam(required = false) String reportTo, @RequestParam(required = false) String sendTo,
                  @RequestParam(required = false) String copyTo, Model model, RedirectAttributes redirect) {
        try {
            newsletters.updateHeader(id, version, new NewsletterHeaderForm(title, periodFrom, periodTo, reportTo, sendTo,
                    copyTo));
            redirect.addFlashAttribute("flashSuccess", text("common.saved"));
            return "redirect:/newsletter/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", Refusals.fieldErrors(messages, e.problems()));
            model.addAttribute("formError", text("newsletter.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", Refusals.text(messages, e));
        }
        return editor(id, model);
    }

    @PostMapping("/{id}/sections")
    String addSection(@PathVariable long id, @RequestParam(required = false) String title, RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.addSection(id, title));
    }

    @PostMapping("/{id}/sections/{sectionId}")
    String renameSection(@PathVariable long id, @PathVariable long sectionId, @RequestParam(required = false) String title,
                         RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.renameSection(sectionId, title));
    }

    @PostMapping("/{id}/sections/{sectionId}/delete")
    String deleteSection(@PathVariable long id, @PathVariable long sectionId, RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.deleteSection(sectionId));
    }

    @PostMapping("/{id}/sections/{sectionId}/move")
    String moveSection(@PathVariable long id, @PathVariable long sectionId, @RequestParam String direction,
                       RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.moveSection(sectionId, "up".equals(direction)));
    }

    @PostMapping("/{id}/sections/{sectionId}/items")
    String addItem(@PathVariable long id, @PathVariable long sectionId, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.addItem(sectionId, title, body));
    }

    @PostMapping("/{id}/items/{itemId}")
    String updateItem(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String title,
                      @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.updateItem(itemId, title, body));
    }

    @PostMapping("/{id}/items/{itemId}/delete")
    String deleteItem(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.deleteItem(itemId));
    }

    @PostMapping("/{id}/items/{itemId}/move")
    String moveItem(@PathVariable long id, @PathVariable long itemId, @RequestParam String direction,
                    RedirectAttributes redirect) {
        String result = act(id, redirect, () -> newsletters.moveItem(itemId, "up".equals(direction)));
        return result + "#item-" + itemId;
    }

    @PostMapping("/{id}/items/{itemId}/photos")
    String uploadPhoto(@PathVariable long id, @PathVariable long itemId, @RequestParam("file") MultipartFile file,
                       RedirectAttributes redirect) {
        newsletters.get(id);
        currentUsers.require(Permission.NEWSLETTER_EDIT);
        try (InputStream in = file.getInputStream()) {
            StoredFile stored = files.store(file.getOriginalFilename(), in, FilePurpose.PHOTO);
            try {
                newsletters.addPhoto(itemId, stored.id());
            } catch (RuntimeException e) {
                files.delete(stored.id());
                throw e;
            }
            redirect.addFlashAttribute("flashSuccess", text("common.saved"));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", Refusals.text(messages, e));
        } catch (IOException e) {
            redirect.addFlashAttribute("formError", text("newsletter.photo.failed"));
        }
        return "redirect:/newsletter/" + id + "#item-" + itemId;
    }

    @PostMapping("/{id}/items/{itemId}/photos/{fileId}/delete")
    String removePhoto(@PathVariable long id, @PathVariable long itemId, @PathVariable long fileId,
                       RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.removePhoto(itemId, fileId));
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.submit(id), "newsletter.submitted");
    }

    @PostMapping("/{id}/return")
    String returnToEditor(@PathVariable long id, @RequestParam(required = false) String comment,
                          RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.returnToEditor(id, comment), "newsletter.returned");
    }

    @PostMapping("/{id}/issue")
    String issue(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> newsletters.issue(id), "newsletter.issuedMessage");
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        NewsletterIssueView issue = newsletters.get(id);
        return download(documents.pdf(issue), documents.fileName(issue, "pdf"), MediaType.APPLICATION_PDF);
    }

    @GetMapping("/{id}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        NewsletterIssueView issue = newsletters.get(id);
        return download(documents.docx(issue), documents.fileName(issue, "docx"), MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @GetMapping("/{id}/photos/{fileId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long fileId) throws IOException {
        if (!newsletters.hasPhoto(id, fileId)) {
            throw new NotFoundException("photo", fileId);
        }
        return NewsletterSiteController.thumbnail(files, fileId);
    }

    static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        return act(id, redirect, action, "common.saved");
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String successKey) {
        try {
            action.run();
            redirect.addFlashAttribute("flashSuccess", text(successKey));
        } catch (InvalidInputException e) {
            Map<String, String> errors = Refusals.fieldErrors(messages, e.problems());
            redirect.addFlashAttribute("formError", errors.isEmpty() ? text("newsletter.form.refused")
                    : String.join(" ", errors.values()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", Refusals.text(messages, e));
        }
        return "redirect:/newsletter/" + id;
    }

    private String text(String key, Object... args) {
        return Refusals.text(messages, key, args);
    }
}
