package cn.hongxin.submissions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/**
 * 我的提交 (phone-first): the member's submissions with their state and the reason of a 退回, and one form
 * per kind. Each form carries a hidden request id made when it is shown, so a POST retried after a lost
 * answer records one submission; a refused form is shown again with the same id.
 */
@Controller
@RequestMapping("/me/submissions")
class MySubmissionsController {

    private final SubmissionService service;
    private final ObjectProvider<FileStore> fileStore;
    private final CurrentUsers currentUsers;
    private final SubmissionMessages messages;

    MySubmissionsController(SubmissionService service, ObjectProvider<FileStore> fileStore, CurrentUsers currentUsers,
                            SubmissionMessages messages) {
        this.service = service;
        this.fileStore = fileStore;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("submissions", service.mine());
        model.addAttribute("kinds", SubmissionKind.values());
        model.addAttribute("linked", currentUsers.require().personId() != null);
        return "submissions/mine";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) String kind, Model model) {
        SubmissionKind k = kindOf(kind);
        if (k == null) {
            return "redirect:/me/submissions";
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("activityDate", LocalDate.now().toString());
        return form(model, k, UUID.randomUUID().toString(), values);
    }

    @PostMapping
    String submit(@RequestParam Map<String, String> params,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect) {
        SubmissionKind kind = kindOf(params.get("kind"));
        if (kind == null) {
            return "redirect:/me/submissions";
        }
        String requestId = params.getOrDefault("clientRequestId", "");
        Map<String, String> values = new LinkedHashMap<>(params);
        try {
            if (service.findMine(requestId).isPresent()) { // a retried upload: stored already, skip the file
                return done(redirect);
            }
            List<FieldProblem> problems = new ArrayList<>();
            BigDecimal hours = decimal(params.get("hours"), problems);
            LocalDate date = date(params.get("activityDate"), problems);
            Long fileId = longOrNull(params.get("fileId"));
            if (file != null && !file.isEmpty() && (kind == SubmissionKind.POSTER || kind == SubmissionKind.ESSAY)) {
                fileId = store(file, kind == SubmissionKind.POSTER ? FilePurpose.PHOTO : FilePurpose.DOCUMENT);
                values.put("fileId", String.valueOf(fileId));
                values.put("fileName", file.getOriginalFilename());
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            service.submit(new NewSubmission(requestId, kind, params.get("title"), params.get("bookTitle"),
                    params.get("bookAuthor"), params.get("body"), fileId, hours, date, params.get("windowCode"), null));
            return done(redirect);
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("submission.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return form(model, kind, requestId, values);
    }

    private String done(RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashSuccess", messages.text("submission.submitted"));
        return "redirect:/me/submissions";
    }

    private long store(MultipartFile file, FilePurpose purpose) {
        FileStore store = fileStore.getIfAvailable();
        if (store == null) {
            throw new UserFacingException("submission.files.unavailable");
        }
        try (InputStream in = file.getInputStream()) {
            return store.store(file.getOriginalFilename(), in, purpose).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String form(Model model, SubmissionKind kind, String requestId, Map<String, String> values) {
        model.addAttribute("kind", kind);
        model.addAttribute("requestId", requestId);
        model.addAttribute("values", values);
        model.addAttribute("windows", List.of("JULY_FIRST", "OCTOBER_FIRST"));
        model.addAttribute("filesAvailable", service.fileStorageAvailable());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("noteMin", SubmissionService.NOTE_MIN_LENGTH);
        model.addAttribute("essayMin", SubmissionService.ESSAY_MIN_LENGTH);
        model.addAttribute("linked", currentUsers.require().personId() != null);
        return "submissions/form";
    }

    static SubmissionKind kindOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SubmissionKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("hours", "submission.hours.range"));
            return null;
        }
    }

    private static LocalDate date(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("activityDate", "validation.invalid"));
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
}
