package cn.hongxin.events;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的活动: every signed-in person's upcoming and past events, phone first. */
@Controller
class MyEventsController {

    private final EventService events;
    private final LectureSeriesService lectureSeries;

    MyEventsController(EventService events, LectureSeriesService lectureSeries) {
        this.events = events;
        this.lectureSeries = lectureSeries;
    }

    @GetMapping("/me/events")
    String mine(Model model) {
        MyEvents mine = events.mine();
        model.addAttribute("mine", mine);
        // Lecture Hall lectures the person attended offer 评价 (feedback).
        model.addAttribute("lectureIds", lectureSeries.lectureIdsAmong(java.util.stream.Stream.concat(mine.upcoming().stream(), mine.past().stream())
                .filter(l -> l.attendance() != null && l.attendance().attended()).map(l -> l.event().id()).toList()));
        return "events/mine";
    }
}
