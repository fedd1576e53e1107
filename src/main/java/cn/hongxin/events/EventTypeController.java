package cn.hongxin.events;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;

/** 活动类型: the catalogue of event types, kept by {@code event:type:edit}. */
@Controller
@RequestMapping("/events/types")
class EventTypeController {

    private final EventTypeService types;
    private final CurrentUsers currentUsers;
    private final EventPageMessages messages;

    EventTypeController(EventTypeService types, CurrentUsers currentUsers, EventPageMessages messages) {
        this.types = types;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String edit, Model model) {
        currentUsers.require(Permission.EVENT_TYPE_EDIT);
        Long editId = EventController.longOrNull(edit);
        EventTypeForm form = EventTypeForm.empty();
        if (editId != null) {
            EventTypeView t = types.get(editId);
            form = new EventTypeForm(t.code(), t.nameZh(), t.nameEn(), t.category(), t.contest(), t.volunteer(),
                    t.sortOrder());
        }
        return page(model, form, editId);
    }

    @PostMapping
    String save(@RequestParam(required = false) String id, @ModelAttribute("form") EventTypeForm form, Model model,
                RedirectAttributes redirect) {
        currentUsers.require(Permission.EVENT_TYPE_EDIT);
        Long editId = EventController.longOrNull(id);
        try {
            if (editId == null) {
                types.create(form);
            } else {
                types.update(editId, form);
            }
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
            return "redirect:/events/types";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("event.form.refused"));
            return page(model, form, editId);
        }
    }

    @PostMapping("/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        types.setActive(id, active);
        redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
        return "redirect:/events/types";
    }

    private String page(Model model, EventTypeForm form, Long editId) {
        model.addAttribute("types", types.all());
        model.addAttribute("form", form);
        model.addAttribute("editId", editId);
        model.addAttribute("categories", EventCategory.values());
        return "events/types";
    }
}
