package cn.hongxin.events;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的活动: every signed-in person's upcoming and past events, phone first. */
@Controller
class MyEventsController {

    private final EventService events;

    MyEventsController(EventService events) {
        this.events = events;
    }

    @GetMapping("/me/events")
    String mine(Model model) {
        model.addAttribute("mine", events.mine());
        return "events/mine";
    }
}
