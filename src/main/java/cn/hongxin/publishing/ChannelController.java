package cn.hongxin.publishing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;

/** 发布渠道: the public site's addresses and the WeChat official account's credentials. */
@Controller
@RequestMapping("/publishing/channels")
class ChannelController {

    private final WeChatChannelService channel;
    private final CurrentUsers currentUsers;
    private final PublishingMessages messages;

    ChannelController(WeChatChannelService channel, CurrentUsers currentUsers, PublishingMessages messages) {
        this.channel = channel;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        currentUsers.require(Permission.CHANNEL_CONFIGURE);
        model.addAttribute("wechat", channel.view());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", java.util.Map.of());
        }
        return "publishing/channels";
    }

    @PostMapping("/wechat")
    String save(@RequestParam(required = false) String appId, @RequestParam(required = false) String secret,
                Model model, RedirectAttributes redirect) {
        try {
            channel.configure(appId, secret);
            redirect.addFlashAttribute("flashSuccess", messages.text("wechat.saved"));
            return "redirect:/publishing/channels";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("appId", appId);
            return page(model);
        }
    }

    @PostMapping("/wechat/clear")
    String clear(RedirectAttributes redirect) {
        channel.clear();
        redirect.addFlashAttribute("flashSuccess", messages.text("wechat.cleared"));
        return "redirect:/publishing/channels";
    }
}
