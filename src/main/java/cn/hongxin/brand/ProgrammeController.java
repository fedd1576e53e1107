package cn.hongxin.brand;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;

/**
 * 工作体系: the programme tree of a brand (levels, categories, measures, requirements) with add, edit and delete
 * dialogs, and the programme file (export, import).
 */
@Controller
@RequestMapping("/brand")
class ProgrammeController {

    private static final int EVIDENCE_ROWS = 3;

    private final ProgrammeService programmes;
    private final BrandService brands;
    private final CurrentUsers currentUsers;
    private final BrandPageMessages messages;

    ProgrammeController(ProgrammeService programmes, BrandService brands, CurrentUsers currentUsers,
                        BrandPageMessages messages) {
        this.programmes = programmes;
        this.brands = brands;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /** The presented brand's programme. */
    @GetMapping("/programme")
    String presented() {
        currentUsers.require(Permission.BRAND_VIEW);
        return brands.presented().map(b -> "redirect:/brand/" + b.id() + "/programme").orElse("redirect:/brand");
    }

    @GetMapping("/{id}/programme")
    String tree(@PathVariable long id, @RequestParam(required = false) String newMeasure,
                @RequestParam(required = false) Long editMeasure, @RequestParam(required = false) Long newRequirement,
                @RequestParam(required = false) Long editRequirement, Model model) {
        ProgrammeView programme = programmes.programme(id);
        if (newMeasure != null || editMeasure != null || newRequirement != null || editRequirement != null) {
            currentUsers.require(Permission.BRAND_EDIT);
        }
        if (editMeasure != null) {
            MeasureView m = measure(programme, editMeasure);
            dialog(model, "measure", MeasureForm.of(m), m.id(), null);
        } else if (newMeasure != null) {
            String[] parts = newMeasure.split(":", 2);
            dialog(model, "measure", MeasureForm.empty(parts[0], parts.length > 1 ? parts[1] : ""), null, null);
        } else if (editRequirement != null) {
            RequirementView r = programme.measures().stream().flatMap(m -> m.requirements().stream())
                    .filter(x -> x.id() == editRequirement).findFirst()
                    .orElseThrow(() -> new cn.hongxin.shared.NotFoundException("requirement", editRequirement));
            dialog(model, "requirement", RequirementForm.of(r), r.id(), r.measureId());
        } else if (newRequirement != null) {
            dialog(model, "requirement", RequirementForm.empty(), null, measure(programme, newRequirement).id());
        }
        return page(model, programme);
    }

    @PostMapping("/{id}/programme/measures")
    String saveMeasure(@PathVariable long id, @RequestParam(required = false) Long measureId,
                       @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        List<FieldProblem> parse = new ArrayList<>();
        Integer sortOrder = integer(params.getFirst("sortOrder"), "sortOrder", parse);
        MeasureForm form = new MeasureForm(params.getFirst("code"), params.getFirst("nameZh"), params.getFirst("nameEn"),
                params.getFirst("level"), params.getFirst("category"), sortOrder, params.getFirst("description"));
        try {
            if (!parse.isEmpty()) {
                throw new InvalidInputException(parse);
            }
            if (measureId == null) {
                programmes.addMeasure(id, form);
            } else {
                programmes.updateMeasure(measureId, form);
            }
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
            return "redirect:/brand/" + id + "/programme";
        } catch (InvalidInputException e) {
            dialog(model, "measure", form, measureId, null);
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            return page(model, programmes.programme(id));
        }
    }

    @PostMapping("/{id}/programme/measures/{measureId}/delete")
    String deleteMeasure(@PathVariable long id, @PathVariable long measureId, RedirectAttributes redirect) {
        programmes.deleteMeasure(measureId);
        redirect.addFlashAttribute("flashSuccess", messages.text("programme.deleted"));
        return "redirect:/brand/" + id + "/programme";
    }

    @PostMapping("/{id}/programme/requirements")
    String saveRequirement(@PathVariable long id, @RequestParam long measureId,
                           @RequestParam(required = false) Long requirementId,
                           @RequestParam MultiValueMap<String, String> params, Model model,
                           RedirectAttributes redirect) {
        List<FieldProblem> parse = new ArrayList<>();
        RequirementForm form = requirementForm(params, parse);
        try {
            if (!parse.isEmpty()) {
                throw new InvalidInputException(parse);
            }
            ProgrammeService.Saved saved = requirementId == null ? programmes.addRequirement(measureId, form)
                    : programmes.updateRequirement(requirementId, form);
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
            if (!saved.warnings().isEmpty()) {
                redirect.addFlashAttribute("warnings", messages.all(saved.warnings()));
            }
            return "redirect:/brand/" + id + "/programme";
        } catch (InvalidInputException e) {
            dialog(model, "requirement", form, requirementId, measureId);
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            return page(model, programmes.programme(id));
        }
    }

    @PostMapping("/{id}/programme/requirements/{requirementId}/delete")
    String deleteRequirement(@PathVariable long id, @PathVariable long requirementId, RedirectAttributes redirect) {
        programmes.deleteRequirement(requirementId);
        redirect.addFlashAttribute("flashSuccess", messages.text("programme.deleted"));
        return "redirect:/brand/" + id + "/programme";
    }

    @GetMapping("/{id}/programme.yaml")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        byte[] body = programmes.exportYaml(id).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("programme-" + id + ".yaml", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @PostMapping("/{id}/programme/import")
    String importFile(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                      Model model, RedirectAttributes redirect) {
        currentUsers.require(Permission.BRAND_EDIT);
        if (file == null || file.isEmpty()) {
            model.addAttribute("importErrors", List.of(messages.text("file.empty")));
            return page(model, programmes.programme(id));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString();
        } catch (CharacterCodingException e) {
            model.addAttribute("importErrors", List.of(messages.text("programme.yaml.unreadable")));
            return page(model, programmes.programme(id));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            ProgrammeView imported = programmes.importYaml(id, text);
            redirect.addFlashAttribute("flashSuccess", messages.text("programme.imported",
                    imported.measures().size(), imported.requirementCount()));
            return "redirect:/brand/" + id + "/programme";
        } catch (InvalidInputException e) {
            model.addAttribute("importErrors", messages.all(e.problems()));
            return page(model, programmes.programme(id));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static MeasureView measure(ProgrammeView programme, long measureId) {
        return programme.measures().stream().filter(m -> m.id() == measureId).findFirst()
                .orElseThrow(() -> new cn.hongxin.shared.NotFoundException("measure", measureId));
    }

    private static void dialog(Model model, String kind, Object form, Long targetId, Long measureId) {
        model.addAttribute("dialog", kind);
        model.addAttribute("form", form);
        model.addAttribute("targetId", targetId);
        model.addAttribute("measureId", measureId);
    }

    private String page(Model model, ProgrammeView programme) {
        long id = programme.brand().id();
        model.addAttribute("programme", programme);
        model.addAttribute("brand", programme.brand());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", null);
        }
        if (model.getAttribute("form") instanceof RequirementForm r) {
            model.addAttribute("evidenceRows", r.evidenceRows(EVIDENCE_ROWS));
        }
        Set<String> levels = new LinkedHashSet<>(List.of("GENERAL_BRANCH", "TEACHERS_BRANCH", "STUDENTS_BRANCH"));
        programme.measures().forEach(m -> levels.add(m.level()));
        Set<String> categories = new LinkedHashSet<>(List.of("MEETINGS", "CARRIERS", "PROJECTS", "ACTIVITIES"));
        programme.measures().forEach(m -> categories.add(m.category()));
        model.addAttribute("levelCodes", levels);
        model.addAttribute("categoryCodes", categories);
        model.addAttribute("subjects", SubjectKind.values());
        model.addAttribute("quantities", QuantityKind.values());
        model.addAttribute("periods", PeriodKind.values());
        model.addAttribute("evidenceKinds", EvidenceKind.values());
        model.addAttribute("statuses", PoliticalStatus.values());
        model.addAttribute("posts", PartyPost.values());
        model.addAttribute("personTypes", PersonType.values());
        model.addAttribute("unitRoles", UnitRole.values());
        model.addAttribute("unitNames", programmes.unitNamesUnder(id));
        model.addAttribute("windowCodes", programmes.windowCodes());
        Set<String> types = new java.util.TreeSet<>();
        Arrays.stream(EvidenceKind.values()).forEach(k -> types.addAll(programmes.knownTypes(k)));
        model.addAttribute("typeCodes", types);
        return "brand/programme";
    }

    private static RequirementForm requirementForm(MultiValueMap<String, String> params, List<FieldProblem> problems) {
        BigDecimal threshold = null;
        String t = params.getFirst("threshold");
        if (t != null && !t.isBlank()) {
            try {
                threshold = new BigDecimal(t.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("threshold", "programme.threshold.invalid"));
            }
        } else {
            problems.add(new FieldProblem("threshold", "validation.required"));
        }
        return new RequirementForm(params.getFirst("code"), params.getFirst("nameZh"), params.getFirst("nameEn"),
                one(params.getFirst("subject"), SubjectKind.class, "subject", problems), params.getFirst("unit"),
                set(params.get("politicalStatuses"), PoliticalStatus.class, "politicalStatuses", problems),
                set(params.get("posts"), PartyPost.class, "posts", problems),
                set(params.get("personTypes"), PersonType.class, "personTypes", problems),
                one(params.getFirst("quantity"), QuantityKind.class, "quantity", problems), threshold,
                one(params.getFirst("period"), PeriodKind.class, "period", problems), params.getFirst("window"),
                params.getOrDefault("evidenceKind", List.of()), params.getOrDefault("evidenceType", List.of()));
    }

    private static <E extends Enum<E>> E one(String value, Class<E> type, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "programme.value.invalid"));
            return null;
        }
    }

    private static <E extends Enum<E>> Set<E> set(List<String> values, Class<E> type, String field,
                                                  List<FieldProblem> problems) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> {
                E e = one(v, type, field, problems);
                if (e != null) {
                    set.add(e);
                }
            });
        }
        return set;
    }

    private static Integer integer(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "programme.value.invalid"));
            return null;
        }
    }
}
