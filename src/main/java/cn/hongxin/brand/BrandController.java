package cn.hongxin.brand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/** 党建品牌: the brand page as an organisation presents it, and its edit form ({@code brand:edit}). */
@Controller
@RequestMapping("/brand")
class BrandController {

    private final BrandService brands;
    private final CurrentUsers currentUsers;
    private final BrandPageMessages messages;

    BrandController(BrandService brands, CurrentUsers currentUsers, BrandPageMessages messages) {
        this.brands = brands;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String presented(Model model) {
        Optional<BrandView> brand = brands.presented();
        model.addAttribute("brand", brand.orElse(null));
        model.addAttribute("others", brands.brands().stream()
                .filter(b -> brand.isEmpty() || b.id() != brand.get().id()).toList());
        return "brand/page";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        BrandView brand = brands.get(id);
        model.addAttribute("brand", brand);
        model.addAttribute("others", brands.brands().stream().filter(b -> b.id() != id).toList());
        return "brand/page";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        currentUsers.require(Permission.BRAND_EDIT);
        BrandView brand = brands.get(id);
        model.addAttribute("brand", brand);
        model.addAttribute("form", BrandForm.of(brand));
        return "brand/edit";
    }

    @PostMapping("/{id}")
    String save(@PathVariable long id, @RequestParam(required = false) String name,
                @RequestParam(required = false) String slogan, @RequestParam(required = false) String concept,
                @RequestParam(required = false) String connotation,
                @RequestParam(defaultValue = "false") boolean active, Model model, RedirectAttributes redirect) {
        BrandForm form = new BrandForm(name, slogan, concept, connotation, active);
        try {
            brands.update(id, form);
            redirect.addFlashAttribute("flashSuccess", messages.text("common.saved"));
            return "redirect:/brand/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("brand", brands.get(id));
            model.addAttribute("form", form);
            model.addAttribute("fieldErrors", messages.fieldErrors(e.problems()));
            model.addAttribute("formError", messages.text("brand.form.refused"));
            return "brand/edit";
        }
    }

    @PostMapping("/{id}/logo")
    String logo(@PathVariable long id, @RequestParam(name = "logo", required = false) MultipartFile file,
                RedirectAttributes redirect) {
        currentUsers.require(Permission.BRAND_EDIT);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("logoError", messages.text("file.empty"));
            return "redirect:/brand/" + id + "/edit";
        }
        try (InputStream in = file.getInputStream()) {
            brands.uploadLogo(id, file.getOriginalFilename(), in);
            redirect.addFlashAttribute("flashSuccess", messages.text("brand.logo.saved"));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("logoError", messages.text(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/brand/" + id + "/edit";
    }
}
