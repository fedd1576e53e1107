package cn.hongxin.events;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/** 讲堂评价: an attendee rates a Wednesday lecture from their phone; a second visit edits the rating. */
@Controller
class LectureFeedbackController {

    private final LectureSeriesService lectureSeries;
    private final EventService events;
    private final EventPageMessages messages;

    LectureFeedbackController(LectureSeriesService lectureSeries, EventService events, EventPageMessages messages) {
        this.lectureSeries = lectureSeries;
        this.events = events;
        this.messages = messages;
    }

    @GetMapping("/events/{id}/feedback")
    String form(@PathVariable long id, Model model) {
        LectureFeedbackView mine = lectureSeries.myFeedback(id).orElse(null);
        return page(id, model, mine == null ? null : mine.rating(), mine == null ? null : mine.comment());
    }

    @PostMapping("/events/{id}/feedback")
    String give(@PathVariable long id, @RequestParam(required = false) String rating,
                @RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
        Integer value = null;
        try {
            value = rating == null || rating.isBlank() ? null : Integer.valueOf(rating.strip());
        } catch (NumberFormatException e) {
            value = 0;
        }
        try {
            lectureSeries.giveFeedback(id, value, comment);
            redirect.addFlashAttribute("flashSuccess", messages.text("lecture.feedback.saved"));
            return "redirect:/me/events";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("event.form.refused"));
        } catch (UserFacingException e) {
            model.addAttribute("formError", messages.text(e));
        }
        return page(id, model, value, comment);
    }

    private String page(long id, Model model, Integer rating, String comment) {
        model.addAttribute("event", events.get(id));
        model.addAttribute("lecture", lectureSeries.lecture(id));
        model.addAttribute("allowed", lectureSeries.mayGiveFeedback(id));
        model.addAttribute("rating", rating);
        model.addAttribute("comment", comment);
        return "events/series-feedback";
    }
}
