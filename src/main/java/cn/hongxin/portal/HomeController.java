package cn.hongxin.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.hongxin.organisation.OrganisationOverview;
import cn.hongxin.security.CurrentUsers;

/** The home page: who I am, my organisation at a glance, and where to go next. */
@Controller
class HomeController {

    private final CurrentUsers currentUsers;
    private final OrganisationOverview overview;

    HomeController(CurrentUsers currentUsers, OrganisationOverview overview) {
        this.currentUsers = currentUsers;
        this.overview = overview;
    }

    @GetMapping("/")
    String home(Model model) {
        var user = currentUsers.require();
        model.addAttribute("user", user);
        model.addAttribute("overview", overview.forScope(user.scopeOrgUnitId()));
        return "portal/home";
    }
}
