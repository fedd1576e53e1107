package cn.hongxin.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.hongxin.brand.BrandService;
import cn.hongxin.organisation.OrganisationOverview;
import cn.hongxin.security.CurrentUsers;

/** The home page: who I am, my organisation at a glance, and where to go next. */
@Controller
class HomeController {

    private final CurrentUsers currentUsers;
    private final OrganisationOverview overview;
    private final BrandService brands;

    HomeController(CurrentUsers currentUsers, OrganisationOverview overview, BrandService brands) {
        this.currentUsers = currentUsers;
        this.overview = overview;
        this.brands = brands;
    }

    @GetMapping("/")
    String home(Model model) {
        var user = currentUsers.require();
        model.addAttribute("user", user);
        model.addAttribute("overview", overview.forScope(user.scopeOrgUnitId()));
        model.addAttribute("brand", brands.presented().orElse(null));
        return "portal/home";
    }
}
