package cn.hongxin.notifications;

import java.time.ZoneId;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 消息通知: the signed-in account's inbox. Opening an item is a POST (it marks the item read) that
 * redirects to the item's link; {@code /me/inbox/badge} is the unread badge for the top bar, fetched by htmx.
 */
@Controller
@RequestMapping("/me/inbox")
class InboxController {

    private final Inbox inbox;
    private final MessageSource messages;

    InboxController(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("items", inbox.list(page));
        model.addAttribute("unread", inbox.unreadCount());
        return "notifications/inbox";
    }

    @GetMapping("/badge")
    String badge(Model model) {
        model.addAttribute("unread", inbox.unreadCount());
        return "notifications/badge :: badge";
    }

    @PostMapping("/{id}/open")
    String open(@PathVariable long id) {
        InboxItem item = inbox.markRead(id);
        return "redirect:" + (item.link() == null ? "/me/inbox" : item.link());
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id) {
        inbox.markRead(id);
        return "redirect:/me/inbox";
    }

    @PostMapping("/read-all")
    String readAll(RedirectAttributes redirect) {
        int count = inbox.markAllRead();
        redirect.addFlashAttribute("flashSuccess",
                messages.getMessage("inbox.allRead", new Object[] {count}, LocaleContextHolder.getLocale()));
        return "redirect:/me/inbox";
    }
}
