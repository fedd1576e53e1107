package cn.hongxin.events;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.PersonQuery;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * 周三讲堂: the list of series, the new-series form, a series with its generated lectures, and one lecture's
 * speaker, title and materials. Everything goes through {@link LectureSeriesService}: out of scope is a 404.
 */
@Controller
@RequestMapping("/events/series")
class LectureSeriesController {

    private final LectureSeriesService lectureSeries;
    private final OrgUnitService units;
    private final PersonService people;
    private final CurrentUsers currentUsers;
    private final EventPageMessages messages;

    LectureSeriesController(LectureSeriesService lectureSeries, OrgUnitService units, PersonService people,
                            CurrentUsers currentUsers, EventPageMessages messages) {
        this.lectureSeries = lectureSeries;
        this.units = units;
        this.people = people;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("seriesList", lectureSeries.list());
        return "events/series-list";
    }

    @GetMapping("/new")
    String newSeries(Model model) {
        currentUsers.require(Permission.EVENT_EDIT);
        return form(model, LectureSeriesForm.empty());
    }

    @PostMapping
    String create(@ModelAttribute("form") LectureSeriesForm form, Model model, RedirectAttributes redirect) {
        currentUsers.require(Permission.EVENT_EDIT);
        try {
            long id = lectureSeries.create(form);
            redirect.addFlashAttribute("flashSuccess", messages.text("lecture.series.created",
                    lectureSeries.get(id).lectureCount()));
            return "redirect:/events/series/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("event.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return form(model, form);
    }

    private String form(Model model, LectureSeriesForm form) {
        model.addAttribute("form", form);
        model.addAttribute("semesters", lectureSeries.semesters());
        model.addAttribute("units", units.visibleFor(Permission.EVENT_EDIT));
        model.addAttribute("topics", LectureTopic.values());
        return "events/series-form";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("series", lectureSeries.get(id));
        model.addAttribute("lectures", lectureSeries.lectures(id));
        model.addAttribute("canEdit", lectureSeries.canEdit(id));
        return "events/series-detail";
    }

    @PostMapping("/{id}/regenerate")
    String regenerate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            int added = lectureSeries.regenerate(id);
            redirect.addFlashAttribute("flashSuccess", messages.text("lecture.series.regenerated", added));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        }
        return "redirect:/events/series/" + id;
    }

    @GetMapping("/{id}/lectures/{eventId}")
    String lecture(@PathVariable long id, @PathVariable long eventId, Model model) {
        return lecturePage(id, eventId, model, null, null);
    }

    @PostMapping("/{id}/lectures/{eventId}")
    String assign(@PathVariable long id, @PathVariable long eventId, @RequestParam(required = false) String speakerPersonId,
                  @RequestParam(required = false) String title, Model model, RedirectAttributes redirect) {
        LectureView lecture = inSeries(id, eventId);
        Long speaker = speakerPersonId == null || speakerPersonId.isBlank() ? null : parse(speakerPersonId);
        try {
            lectureSeries.assign(lecture.eventId(), speaker, title);
            redirect.addFlashAttribute("flashSuccess", messages.text("lecture.assigned"));
            return "redirect:/events/series/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("event.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return lecturePage(id, eventId, model, speaker, title);
    }

    @PostMapping("/{id}/lectures/{eventId}/materials")
    String upload(@PathVariable long id, @PathVariable long eventId, @RequestParam("file") MultipartFile file,
                  RedirectAttributes redirect) {
        inSeries(id, eventId);
        try (InputStream in = file.getInputStream()) {
            lectureSeries.upload(eventId, file.getOriginalFilename(), in);
            redirect.addFlashAttribute("flashSuccess", messages.text("lecture.material.uploaded"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("formError", messages.firstProblem(e.problems()));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("formError", messages.text(e));
        } catch (IOException e) {
            redirect.addFlashAttribute("formError", messages.text("lecture.material.failed"));
        }
        return "redirect:/events/series/" + id + "/lectures/" + eventId;
    }

    @PostMapping("/{id}/lectures/{eventId}/materials/{materialId}/delete")
    String detach(@PathVariable long id, @PathVariable long eventId, @PathVariable long materialId,
                  RedirectAttributes redirect) {
        inSeries(id, eventId);
        lectureSeries.detach(eventId, materialId);
        redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
        return "redirect:/events/series/" + id + "/lectures/" + eventId;
    }

    private String lecturePage(long id, long eventId, Model model, Long speaker, String title) {
        if (!lectureSeries.canEdit(id)) {
            lectureSeries.get(id); // 404 out of scope
            currentUsers.require(Permission.EVENT_EDIT);
        }
        LectureView lecture = inSeries(id, eventId);
        model.addAttribute("series", lectureSeries.get(id));
        model.addAttribute("lecture", lecture);
        model.addAttribute("speakerPersonId", speaker != null ? speaker : lecture.speakerPersonId());
        model.addAttribute("title", title != null ? title : lecture.title());
        model.addAttribute("people", people.search(PersonQuery.all(), 0, 500).getContent());
        model.addAttribute("materials", lectureSeries.materials(eventId));
        model.addAttribute("feedback", lectureSeries.feedback(eventId));
        return "events/series-lecture";
    }

    private LectureView inSeries(long id, long eventId) {
        LectureView lecture = lectureSeries.lecture(eventId);
        if (lecture.seriesId() != id) {
            throw new NotFoundException("lecture", eventId);
        }
        return lecture;
    }

    private static Long parse(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(java.util.List.of(
                    new cn.hongxin.shared.FieldProblem("speakerPersonId", "validation.invalid")));
        }
    }
}
