package cn.hongxin.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * 活动照片与附件 on an event's page: upload photos (several at once) or documents, delete them, choose the
 * cover photo. Refusals (wrong type, too large, too many) come back to the page in the user's language,
 * naming the file; the files that passed are kept.
 */
@Controller
@RequestMapping("/events/{id}/files")
class EventFilesController {

    private final EventAttachmentService attachments;
    private final EventService events;
    private final EventPageMessages messages;

    EventFilesController(EventAttachmentService attachments, EventService events, EventPageMessages messages) {
        this.attachments = attachments;
        this.events = events;
        this.messages = messages;
    }

    @PostMapping
    String upload(@PathVariable long id, @RequestParam(value = "file", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) String kind, RedirectAttributes redirect) {
        if (!events.canEdit(id)) {
            throw new NotFoundException("event", id);
        }
        EventAttachmentKind k = EventController.enumOrNull(EventAttachmentKind.class, kind);
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("formError", messages.text("event.attachment.none"));
            return back(id);
        }
        int stored = 0;
        List<String> refused = new ArrayList<>();
        for (MultipartFile file : chosen) {
            try (InputStream in = file.getInputStream()) {
                attachments.upload(id, k == null ? EventAttachmentKind.DOCUMENT : k, file.getOriginalFilename(), in);
                stored++;
            } catch (InvalidInputException e) {
                refused.add(named(file, messages.firstProblem(e.problems())));
            } catch (UserFacingException e) {
                refused.add(named(file, messages.text(e)));
            } catch (IOException e) {
                refused.add(named(file, messages.text("event.attachment.failed")));
            }
        }
        if (stored > 0) {
            redirect.addFlashAttribute("flashSuccess", messages.text("event.attachment.uploaded", stored));
        }
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("formError", String.join(" ", refused));
        }
        return back(id);
    }

    @PostMapping("/{attachmentId}/delete")
    String delete(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
        attachments.delete(id, attachmentId);
        redirect.addFlashAttribute("flashSuccess", messages.text("common.deleted"));
        return back(id);
    }

    @PostMapping("/{attachmentId}/cover")
    String cover(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
        try {
            attachments.toggleCover(id, attachmentId);
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return back(id);
    }

    private String named(MultipartFile file, String problem) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return messages.text("event.attachment.refused", name.length() > 60 ? name.substring(0, 60) + "…" : name,
                problem);
    }

    private static String back(long id) {
        return "redirect:/events/" + id + "#event-files";
    }
}
