package cn.hongxin.mentoring;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 我的帮扶 (phone-first): a teacher's pairs, each with a quick form to log a help record (date today, the mode as
 * big buttons, what was done, the next step); a student's pair with the teachers and meeting dates; an empty
 * state for everybody else. The form posts to {@link MentoringController} and comes back here.
 */
@Controller
class MyMentoringController {

    private final MentoringService service;

    MyMentoringController(MentoringService service) {
        this.service = service;
    }

    @GetMapping("/me/mentoring")
    String mine(Model model) {
        MyMentoring mine = service.mine();
        model.addAttribute("mine", mine);
        model.addAttribute("modes", HelpMode.values());
        model.addAttribute("today", MentoringService.today());
        model.addAttribute("monthly", MentoringService.MONTHLY_HELP_RECORDS);
        Map<Long, String> requestIds = new HashMap<>();
        mine.teaching().forEach(p -> requestIds.put(p.id(), UUID.randomUUID().toString()));
        model.addAttribute("requestIds", requestIds);
        model.addAttribute("defaults", Map.of("date", MentoringService.today().toString(), "mode", HelpMode.TALK.name()));
        return "mentoring/mine";
    }
}
